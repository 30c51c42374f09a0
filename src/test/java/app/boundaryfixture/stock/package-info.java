@ApplicationModule(allowedDependencies = {"sales"})
package app.boundaryfixture.stock;

import org.springframework.modulith.ApplicationModule;
