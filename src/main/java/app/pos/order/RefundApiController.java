package app.pos.order;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
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
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Orders")
class RefundApiController {

    private final OrderRefunds refunds;

    RefundApiController(OrderRefunds refunds) {
        this.refunds = refunds;
    }

    @PostMapping(path = "/api/v1/orders/{id}/refunds", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            operationId = "refundOrder",
            summary = "Refund some of an order's units (MANAGER and ADMIN)",
            description = "The server computes the amount: the refunded units' share of what the customer paid, tax "
                    + "and discount included, rounded so that refunding every unit, in any number of refunds, gives "
                    + "back exactly the order's total. The customer's totalSpent goes down by the amount; the visit "
                    + "stays. The Idempotency-Key header is required: a refund retried after a lost answer must not give "
                    + "the money back twice, so the same staff user replaying the same request gets the same refund "
                    + "(200, header Idempotent-Replayed: true). `pointsReversed` is the loyalty points the "
                    + "refund took back, so that the order keeps what it would have earned without the refunded units "
                    + "(the balance may go below zero); redeemed points are not given back.")
    @ApiResponse(
            responseCode = "201",
            description = "Refunded",
            headers = @Header(name = "Location", description = "The refund's URL", schema = @Schema(type = "string")))
    @ApiResponse(
            responseCode = "200",
            description = "A replay: the refund made earlier with this Idempotency-Key and the same body",
            headers =
                    @Header(
                            name = "Idempotent-Replayed",
                            description = "`true` on a replay",
                            schema = @Schema(type = "string", allowableValues = "true")))
    @ApiResponse(
            responseCode = "400",
            description = "No Idempotency-Key header, or one that is not 1 to 100 visible characters.")
    @ApiResponse(responseCode = "403", description = "Only a MANAGER or ADMIN may refund.")
    @ApiResponse(responseCode = "404", description = "No order with this id.")
    @ApiResponse(
            responseCode = "409",
            description = "The order is voided, or fewer units of a product remain to refund than asked (after earlier "
                    + "refunds); `productId` and `remaining` say which.")
    @ApiResponse(
            responseCode = "422",
            description = "No lines, a product the order did not sell, a quantity below 1, a product on two lines, or "
                    + "an Idempotency-Key used for a different refund request (`refundId` names it).")
    ResponseEntity<RefundView> refund(
            @PathVariable UUID id,
            @Valid @RequestBody RefundOrder body,
            @RequestHeader(name = OrderApiController.IDEMPOTENCY_KEY)
                    @Pattern(
                            regexp = OrderApiController.IDEMPOTENCY_KEY_PATTERN,
                            message = OrderApiController.IDEMPOTENCY_KEY_MESSAGE)
                    String idempotencyKey,
            Principal principal) {
        PlacedRefund placed = refunds.refund(id, body, idempotencyKey, principal.getName());
        if (placed.replayed()) {
            return ResponseEntity.ok().header("Idempotent-Replayed", "true").body(placed.refund());
        }
        return ResponseEntity.status(HttpStatus.CREATED)
                .location(URI.create(
                        "/api/v1/orders/" + id + "/refunds/" + placed.refund().id()))
                .body(placed.refund());
    }

    @GetMapping(path = "/api/v1/orders/{id}/refunds/{refundId}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "getRefund", summary = "One refund of an order")
    @ApiResponse(responseCode = "404", description = "No such refund of this order.")
    RefundView get(@PathVariable UUID id, @PathVariable UUID refundId) {
        return refunds.get(id, refundId);
    }
}
