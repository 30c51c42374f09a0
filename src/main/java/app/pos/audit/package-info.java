/**
 * The audit trail of personal data: who saw, exported, changed, merged or erased which customer, and when. An
 * append-only log ({@code audit_log}): there is no update or delete path, and on PostgreSQL a trigger refuses both.
 * An entry names a customer only by id, and its detail never holds a name, phone number, e-mail or address, so
 * the log survives an erasure without keeping the person.
 *
 * <p>API: {@link app.pos.audit.AuditLog} (record and read), {@link app.pos.audit.AuditReads} (record a view or an
 * export, which has no transaction of its own, cheaply), {@link app.pos.audit.AuditQuery} (filtered pages,
 * newest first), {@link app.pos.audit.AuditAction} and {@link app.pos.audit.AuditEntry}. Every feature may record;
 * only the privacy feature, ADMIN ({@code GET /api/v1/privacy/audit}) and a customer's own
 * data export ({@code customer}) read.
 *
 * <p>Depends on {@code shared} only, so that every feature can write to it.
 */
@ApplicationModule(allowedDependencies = {"shared"})
package app.pos.audit;

import org.springframework.modulith.ApplicationModule;
