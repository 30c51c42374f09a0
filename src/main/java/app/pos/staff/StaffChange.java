package app.pos.staff;

import jakarta.validation.constraints.Size;

/** A change to a staff user; absent fields stay as they are. */
public record StaffChange(
        StaffRole role,
        Boolean active,

        @Size(min = StaffService.MIN_PASSWORD_LENGTH, max = 72, message = "must be 10 to 72 characters")
        String password) {}
