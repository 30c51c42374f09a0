/**
 * Small building blocks every feature may use: money rounding, paging, phone numbers (libphonenumber, E.164),
 * the contact details a person types ({@link app.pos.shared.CustomerDetails}, validated once for every form and
 * request that carries them), the typed-exception base and the API's problem-details advice. No business logic
 * lives here, and nothing here calls a feature.
 */
@ApplicationModule(allowedDependencies = {})
package app.pos.shared;

import org.springframework.modulith.ApplicationModule;
