/**
 * Operational tools that run instead of the POS when asked for on the command line: the data generator that
 * fills a PostgreSQL database with a realistic shop history for benchmarks. Writes through PostgreSQL's COPY
 * (bulk loading is what COPY is for); uses the catalog's and customer feature's public helpers for derived values.
 */
package app.pos.tools;
