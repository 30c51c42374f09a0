package app.pos.order;

import app.pos.shared.PageResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.security.Principal;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Orders")
class OrderApiController {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final String IDEMPOTENCY_KEY_PATTERN = "^[\\x21-\\x7E]{1,100}$";
    static final String IDEMPOTENCY_KEY_MESSAGE = "must be 1 to 100 visible ASCII characters";

    private final OrderService orders;
    private final CustomerOrders customerOrders;
    private final OrderCustomers customers;

    OrderApiController(OrderService orders, CustomerOrders customerOrders, OrderCustomers customers) {
        this.orders = orders;
        this.customerOrders = customerOrders;
        this.customers = customers;
    }

    @PostMapping("/api/v1/orders")
    @Operation(
            operationId = "placeOrder",
            summary = "Place an order",
            description = "Priced by the server from the catalog. With an Idempotency-Key header, the same staff user "
                    + "replaying the same request gets the same order (200, header Idempotent-Replayed: true); the same key with a "
                    + "different body is refused with 422. Keys are per staff user: another user's identical key places "
                    + "an order of their own. With a `rewardId`, the reward becomes the order's discount and its points are "
                    + "deducted in the order's transaction; `loyalty` shows the points earned and redeemed.")
    @ApiResponse(
            responseCode = "201",
            description = "Placed",
            headers = @Header(name = "Location", description = "The order's URL", schema = @Schema(type = "string")))
    @ApiResponse(
            responseCode = "200",
            description = "A replay: the order placed earlier with this Idempotency-Key and the same body",
            headers =
                    @Header(
                            name = "Idempotent-Replayed",
                            description = "`true` on a replay",
                            schema = @Schema(type = "string", allowableValues = "true")))
    @ApiResponse(
            responseCode = "409",
            description = "The customer's points do not cover the reward (`pointsNeeded`, `balance`, or a balance "
                    + "below zero); no order is placed.")
    @ApiResponse(
            responseCode = "422",
            description = "The Idempotency-Key was used for another order body (`orderId` names that order), or the "
                    + "reward cannot be redeemed on this order (no customer, not a loyalty member, the program off, an "
                    + "unknown or retired reward, its free product not in the order; `errors` names `rewardId`).")
    ResponseEntity<OrderView> place(
            @Valid @RequestBody PlaceOrder body,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false)
                    @Pattern(regexp = IDEMPOTENCY_KEY_PATTERN, message = IDEMPOTENCY_KEY_MESSAGE)
                    String idempotencyKey,
            Principal principal) {
        PlacedOrder placed = orders.place(body, idempotencyKey, principal.getName());
        if (placed.replayed()) {
            return ResponseEntity.ok()
                    .header("Idempotent-Replayed", "true")
                    .body(customers.shownToCurrentStaff(placed.order()));
        }
        return ResponseEntity.status(HttpStatus.CREATED)
                .location(URI.create("/api/v1/orders/" + placed.order().id()))
                .body(customers.shownToCurrentStaff(placed.order()));
    }

    @GetMapping("/api/v1/orders/{id}")
    @Operation(operationId = "getOrder", summary = "One order")
    OrderView get(@PathVariable UUID id) {
        return customers.shownToCurrentStaff(orders.get(id));
    }

    @PostMapping("/api/v1/orders/{id}/void")
    @Operation(
            operationId = "voidOrder",
            summary = "Void an order (MANAGER and ADMIN)",
            description = "Reverses its effect on the customer's statistics; voiding an order twice is a 409.")
    @ApiResponse(responseCode = "200", description = "Voided")
    @ApiResponse(responseCode = "403", description = "Only a MANAGER or ADMIN may void an order.")
    @ApiResponse(responseCode = "409", description = "The order is already voided.")
    OrderView voidOrder(@PathVariable UUID id, Principal principal) {
        return customers.shownToCurrentStaff(orders.voidOrder(id, principal.getName()));
    }

    @GetMapping("/api/v1/customers/{customerId}/orders")
    @Operation(
            operationId = "listCustomerOrders",
            summary = "A customer's order history",
            description = "Every order, voided ones included, newest first.")
    PageResult<OrderView> history(
            @PathVariable UUID customerId,
            @RequestParam(defaultValue = "0") @Min(value = 0, message = "must be 0 or more") int page,
            @RequestParam(defaultValue = "20")
                    @Min(value = 1, message = "must be at least 1")
                    @Max(value = 100, message = "must be at most 100")
                    int size) {
        customers.get(customerId); // 404 for an unknown customer
        return customerOrders.history(customerId, page, size).map(customers::shownToCurrentStaff);
    }
}
