/**
 * Small building blocks every feature may use: money rounding, paging, the typed-exception base and the
 * API's problem-details advice. No business logic lives here, and nothing here calls a feature.
 */
package app.pos.shared;
