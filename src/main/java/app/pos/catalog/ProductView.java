package app.pos.catalog;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A product as the API and pages show it. */
public record ProductView(
        UUID id,
        String name,
        String category,
        BigDecimal price,
        @Schema(nullable = true) String sku,
        boolean active,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {}
