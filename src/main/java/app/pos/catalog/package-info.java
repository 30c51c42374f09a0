/**
 * The menu: products and their categories. Owns the {@code products} table.
 *
 * <p>API: {@link app.pos.catalog.ProductService} (list the menu, look up what is sold, administer it) and the
 * records it takes and returns. Publishes no events and listens to none; depends on {@code shared} only (and
 * {@code web} for its pages).
 */
@ApplicationModule(allowedDependencies = {"shared", "web"})
package app.pos.catalog;

import org.springframework.modulith.ApplicationModule;
