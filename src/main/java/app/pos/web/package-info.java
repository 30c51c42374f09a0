/**
 * Cross-cutting web concerns: the login page, page error handling, the current staff member for templates, the money formatter
 * ({@code @money}), the phone formatter ({@code @phone}), the {@link app.pos.web.Htmx} handler argument and the start-up message. The page layout and the
 * shared fragments are in {@code templates/layout.html} and {@code templates/fragments/}.
 */
@ApplicationModule(allowedDependencies = {"shared"})
package app.pos.web;

import org.springframework.modulith.ApplicationModule;
