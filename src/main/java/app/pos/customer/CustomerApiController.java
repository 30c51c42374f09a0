package app.pos.customer;

import app.pos.shared.CustomerDetails;
import app.pos.shared.ShopTime;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

@RestController
@RequestMapping(path = "/api/v1/customers", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Customers")
class CustomerApiController {

    private static final String PHONE_TAKEN = "The phone belongs to another customer (`existingCustomerId`).";
    private static final String MASKED_EDIT = "A CASHIER who sees the contact details masked changed or cleared one "
            + "(`fields`); a masked value sent back as it was shown keeps the stored one.";

    private final CustomerService customers;
    private final CustomerMergePatch mergePatch;
    private final ContactMasking masking;
    private final ShopTime shopTime;

    CustomerApiController(
            CustomerService customers, CustomerMergePatch mergePatch, ContactMasking masking, ShopTime shopTime) {
        this.customers = customers;
        this.mergePatch = mergePatch;
        this.masking = masking;
        this.shopTime = shopTime;
    }

    /** The customers a search found, best match first, with the query as the server read it. */
    record SearchResult(String query, List<CustomerView> items) {}

    @PostMapping
    @Operation(operationId = "createCustomer", summary = "Create a customer")
    @ApiResponse(
            responseCode = "201",
            description = "Created",
            headers =
                    @Header(
                            name = "Location",
                            description = "The new customer's URL",
                            schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "409", description = PHONE_TAKEN)
    ResponseEntity<CustomerView> create(@Valid @RequestBody NewCustomer body) {
        CustomerProfile profile = body.profile(today());
        CustomerView created = customers.create(
                body.details(), profile, ConsentInput.states("consents", body.consents()), ConsentSource.API);
        return ResponseEntity.created(URI.create("/api/v1/customers/" + created.id()))
                .body(masking.view(created));
    }

    @GetMapping
    @Operation(
            operationId = "searchCustomers",
            summary = "Search customers as a cashier types",
            description = "Digits (3+) match anywhere in the phone; words match the start of name words, "
                    + "ignoring case and accents; a single word also matches an email prefix. "
                    + "Order: the exact phone, then phones ending with the digits or names and emails starting "
                    + "with the text, then the rest; the most recent visitor first within each. "
                    + "Empty q gives the most recent customers. A CASHIER gets at most 10 results, whatever the "
                    + "limit.")
    SearchResult search(
            @RequestParam(defaultValue = "") @Size(max = 100, message = "must be at most 100 characters") String q,
            @RequestParam(defaultValue = "10")
                    @Min(value = 1, message = "must be at least 1")
                    @Max(value = CustomerService.MAX_SEARCH_LIMIT, message = "must be at most 50")
                    int limit) {
        return new SearchResult(q, masking.view(customers.search(q, limit)));
    }

    @GetMapping("/lookup")
    @Operation(
            operationId = "lookupCustomerByPhone",
            summary = "Find the customer with this phone number, in any format")
    @ApiResponse(responseCode = "200", description = "OK")
    @ApiResponse(responseCode = "404", description = "No customer has this phone number.")
    CustomerView lookup(@RequestParam String phone) {
        return masking.view(customers.lookupByPhone(phone));
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getCustomer", summary = "One customer")
    CustomerView get(@PathVariable UUID id) {
        return masking.view(customers.get(id));
    }

    @PutMapping("/{id}")
    @Operation(
            operationId = "replaceCustomer",
            summary = "Replace a customer's details",
            description = "A full replacement: a member left out or null is cleared, so a request with only the "
                    + "name clears the phone, email, address, notes, birthday, anniversary and tags. To change "
                    + "some details only, use PATCH.")
    @ApiResponse(responseCode = "200", description = "OK")
    @ApiResponse(responseCode = "403", description = MASKED_EDIT)
    @ApiResponse(responseCode = "409", description = PHONE_TAKEN)
    CustomerView replace(@PathVariable UUID id, @RequestBody CustomerReplacement body) { // validated by edit
        CustomerProfile profile = body.profile(today());
        return masking.view(customers.update(id, masking.edit(customers.get(id), body.details()), profile));
    }

    @PatchMapping(path = "/{id}", consumes = CustomerMergePatch.MEDIA_TYPE)
    @Operation(
            operationId = "patchCustomer",
            summary = "Change some of a customer's details (JSON merge patch, RFC 7396)",
            description = "A member left out stays as it is, null clears it, a string replaces it; the result is "
                    + "validated as a new customer is (the name cannot be cleared).",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            required = true,
                            content =
                                    @Content(
                                            mediaType = CustomerMergePatch.MEDIA_TYPE,
                                            schema = @Schema(implementation = CustomerMergePatch.Document.class))))
    @ApiResponse(responseCode = "200", description = "OK")
    @ApiResponse(responseCode = "403", description = MASKED_EDIT)
    @ApiResponse(responseCode = "409", description = PHONE_TAKEN)
    CustomerView patch(@PathVariable UUID id, @RequestBody JsonNode patch) {
        CustomerView current = customers.get(id);
        CustomerDetails details = mergePatch.apply(current, patch);
        CustomerProfile profile = mergePatch.profile(current, patch, today());
        return masking.view(customers.update(id, masking.edit(current, details), profile));
    }

    @DeleteMapping("/{id}")
    @Operation(
            operationId = "deleteCustomer",
            summary = "Delete a customer record (MANAGER and ADMIN)",
            description = "The customer's orders stay, with the name, phone and address they were sold under; "
                    + "they are no longer linked to a customer.")
    @ApiResponse(responseCode = "204", description = "Deleted")
    @ApiResponse(responseCode = "403", description = "Only a MANAGER or ADMIN may delete customers.")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        customers.delete(id);
        return ResponseEntity.noContent().build();
    }

    private LocalDate today() {
        return shopTime.today();
    }
}
