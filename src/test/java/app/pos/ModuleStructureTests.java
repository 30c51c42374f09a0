package app.pos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.boundaryfixture.BoundaryFixture;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.Violations;

/**
 * Package by feature, enforced: no cycles between features, each feature uses only the features its
 * {@code package-info.java} allows, and only their API (root package), never their sub-packages.
 */
class ModuleStructureTests {

    @Test
    void featuresRespectTheirBoundaries() {
        ApplicationModules.of(PosApplication.class).verify();
    }

    @Test
    void everyFeatureDeclaresWhatItMayDependOn() {
        List<String> undeclared = ApplicationModules.of(PosApplication.class).stream()
                .filter(module -> module.getBasePackage()
                        .toSingle()
                        .getAnnotation(org.springframework.modulith.ApplicationModule.class)
                        .isEmpty())
                .map(ApplicationModule::getIdentifier)
                .map(Object::toString)
                .toList();
        assertThat(undeclared).isEmpty();
    }

    @Test
    void theCheckFailsOnAFeatureThatReachesIntoAnotherOrUsesAnUndeclaredOne() {
        // The fixture lives in test classes, which the check skips by default.
        ApplicationModules fixture = ApplicationModules.of(BoundaryFixture.class, location -> true);

        assertThatThrownBy(fixture::verify)
                .isInstanceOf(Violations.class)
                .hasMessageContaining("Module 'billing' depends on module 'sales' via "
                        + "app.boundaryfixture.billing.Billing -> app.boundaryfixture.sales.internal.SalesLedger")
                .hasMessageContaining("Module 'stock' depends on module 'billing' via "
                        + "app.boundaryfixture.stock.Stock -> app.boundaryfixture.billing.Billing");
    }
}
