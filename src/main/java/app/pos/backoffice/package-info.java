/**
 * The back office's customer pages: list with filters and keyset paging, CSV export, profiles, duplicates and
 * merge, CSV import (upload, column mapping, preview, report). Pages only: owns no business rule; merge, import
 * rules and statistics belong to {@link app.pos.customer}, orders to {@link app.pos.order}. Its one table,
 * {@code import_uploads}, is the import page's state (the uploaded file until imported or expired), kept there
 * rather than in the HTTP session. Records profile views and CSV exports in the {@link app.pos.audit} log, and
 * has the ADMIN's privacy settings page ({@code /admin/privacy/settings}). Implements
 * {@link app.pos.customer.PersonalDataCopies}: an erased customer's uploads go with them.
 */
@ApplicationModule(allowedDependencies = {"audit", "customer", "order", "shared", "web"})
package app.pos.backoffice;

import org.springframework.modulith.ApplicationModule;
