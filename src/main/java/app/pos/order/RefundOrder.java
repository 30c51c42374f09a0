package app.pos.order;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;

/** A request to refund some units of an order's products; the server computes the amount. */
@Schema(name = "RefundRequest")
public record RefundOrder(
        @Schema(description = "At least one line; a product may appear once")
        List<Line> lines,

        @Schema(nullable = true, description = "Why the customer is refunded (kept with the refund)")
        @Size(max = 500, message = "must be at most 500 characters")
        String reason) {

    public RefundOrder {
        lines = lines == null ? List.of() : List.copyOf(lines);
    }

    @Schema(name = "RefundRequestLine", description = "A product of the order and how many of its units to refund")
    public record Line(UUID productId, int quantity) {}
}
