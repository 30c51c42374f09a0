package app.pos.staff;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

public record NewStaff(
        @NotBlank(message = "is required")
        @Pattern(regexp = "^[A-Za-z0-9._@-]{3,100}$", message = "must be 3 to 100 letters, digits or . _ @ -")
        String username,

        @NotNull(message = "is required")
        @Size(min = StaffService.MIN_PASSWORD_LENGTH, max = 72, message = "must be 10 to 72 characters")
        String password,

        @NotNull(message = "is required (CASHIER, MANAGER or ADMIN)")
        StaffRole role) {}
