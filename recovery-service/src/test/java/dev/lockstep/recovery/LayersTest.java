package dev.lockstep.recovery;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lockstep.platform.testing.Layers;
import dev.lockstep.platform.testing.PlatformTables;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * No class in service, domain or messaging imports a REST type, the domain calls no service, and the
 * service's migrations leave platform's tables to platform.
 */
class LayersTest {

    @Test
    void arrowsPointInwardOnly() {
        Layers.of("dev.lockstep.recovery").check(Layers.mainClasses("dev.lockstep.recovery"));
    }

    @Test
    void migrationsFromThreeOnLeavePlatformsTablesToPlatform() {
        assertEquals(List.of(), PlatformTables.namedByMigrationsIn("db/migration"));
    }
}
