/**
 * Privacy: erasure on request (GDPR Art. 17) and the retention policy that erases inactive customers by itself
 * (Art. 5(1)(e)), with the back-office privacy page (policy, preview, last runs, records of processing, Art. 30).
 * Owns the {@code retention_policy} and {@code retention_runs} tables and ShedLock's {@code shedlock} table. The
 * erasure itself belongs to the customer feature ({@link app.pos.customer.CustomerErasure}); this feature decides
 * when, checks the request and writes the audit entries (the customer only by id).
 *
 * <p>API: {@link app.pos.privacy.Erasure} and {@link app.pos.privacy.Retention} with their records.
 *
 * <p>Depends on {@code customer} (erasure), {@code audit} (entries), {@code shared} and {@code web} (pages).
 */
@ApplicationModule(allowedDependencies = {"customer", "audit", "shared", "web"})
package app.pos.privacy;

import org.springframework.modulith.ApplicationModule;
