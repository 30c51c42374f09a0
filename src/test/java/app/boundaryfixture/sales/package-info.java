@ApplicationModule(allowedDependencies = {})
package app.boundaryfixture.sales;

import org.springframework.modulith.ApplicationModule;
