/**
 * The menu: products and their categories. Owns the {@code products} table.
 * Others use {@link app.pos.catalog.ProductService} to list the menu and to price what is sold;
 * this feature calls no other feature.
 */
package app.pos.catalog;
