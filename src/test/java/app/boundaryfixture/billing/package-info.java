@ApplicationModule(allowedDependencies = {"sales"})
package app.boundaryfixture.billing;

import org.springframework.modulith.ApplicationModule;
