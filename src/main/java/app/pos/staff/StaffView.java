package app.pos.staff;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A staff user as the API and pages show it; the password hash never leaves the feature. */
public record StaffView(UUID id, String username, StaffRole role, boolean active, OffsetDateTime createdAt) {}
