/**
 * Cross-cutting web concerns: the login page, the error page and page problem handling, the current staff for
 * templates, links to static resources and the start-up message. Calls no feature.
 */
@ApplicationModule(allowedDependencies = {"shared"})
package app.pos.web;

import org.springframework.modulith.ApplicationModule;
