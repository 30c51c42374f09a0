package app.pos;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** Package by feature, enforced: no cycles between features, and no feature reaches into another's internals. */
class ModuleStructureTests {

    @Test
    void featuresRespectTheirBoundaries() {
        ApplicationModules.of(PosApplication.class).verify();
    }
}
