package app.pos.customer;

import app.pos.shared.CustomerDetails;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/v1/customers", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Customers")
class CustomerApiController {

    private final CustomerService customers;

    CustomerApiController(CustomerService customers) {
        this.customers = customers;
    }

    record SearchResult(String query, List<CustomerView> items) {}

    @PostMapping
    @Operation(summary = "Create a customer", description = "409 with existingCustomerId when the phone is taken.")
    ResponseEntity<CustomerView> create(@Valid @RequestBody CustomerDetails body) {
        CustomerView created = customers.create(body);
        return ResponseEntity.created(URI.create("/api/v1/customers/" + created.id()))
                .body(created);
    }

    @GetMapping
    @Operation(
            summary = "Search customers as a cashier types",
            description = "Digits (3+) match anywhere in the phone; words match the start of name words, "
                    + "ignoring case and accents; a single word also matches an email prefix. "
                    + "Order: the exact phone, then phones ending with the digits or names and emails starting "
                    + "with the text, then the rest; the most recent visitor first within each. "
                    + "Empty q gives the most recent customers.")
    SearchResult search(
            @RequestParam(defaultValue = "") @Size(max = 100, message = "must be at most 100 characters") String q,
            @RequestParam(defaultValue = "10")
                    @Min(value = 1, message = "must be at least 1")
                    @Max(value = CustomerService.MAX_SEARCH_LIMIT, message = "must be at most 50")
                    int limit) {
        return new SearchResult(q, customers.search(q, limit));
    }

    @GetMapping("/lookup")
    @Operation(summary = "Find the customer with this phone number, in any format")
    CustomerView lookup(@RequestParam String phone) {
        return customers.lookupByPhone(phone);
    }

    @GetMapping("/{id}")
    CustomerView get(@PathVariable UUID id) {
        return customers.get(id);
    }

    @PutMapping("/{id}")
    CustomerView update(@PathVariable UUID id, @Valid @RequestBody CustomerDetails body) {
        return customers.update(id, body);
    }

    @DeleteMapping("/{id}")
    @Operation(
            summary = "Delete a customer record",
            description = "The customer's orders stay, with the name, phone and address they were sold under; "
                    + "they are no longer linked to a customer.")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        customers.delete(id);
        return ResponseEntity.noContent().build();
    }
}
