package app.pos.catalog;

import app.pos.shared.ValidName;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/** What it takes to put a product on the menu. */
public record NewProduct(
        @ValidName(max = 200) String name,

        @NotBlank(message = "is required")
        @Size(max = 100, message = "must be at most 100 characters")
        @Pattern(regexp = "^[^\\x00-\\x1F\\x7F]*$", message = "must not contain control characters")
        String category,

        @NotNull(message = "is required")
        @DecimalMin(value = "0.00", message = "must be zero or more")
        @Digits(integer = 10, fraction = 2, message = "must have at most 10 digits and 2 decimals")
        BigDecimal price,

        @Size(max = 64, message = "must be at most 64 characters")
        @Pattern(regexp = "^[A-Za-z0-9._-]*$", message = "may hold only letters, digits, '.', '_' and '-'")
        String sku) {}
