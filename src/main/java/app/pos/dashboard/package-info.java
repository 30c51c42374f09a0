/**
 * The back office dashboard: today's and the last 30 days' sales figures and one chart. Owns no table;
 * calls {@link app.pos.order.SalesReport}.
 */
package app.pos.dashboard;
