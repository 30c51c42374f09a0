/**
 * Cross-cutting web concerns: the start-up message with the URL, and (later) layout, navigation and error pages.
 */
package app.pos.web;
