package dev.lockstep.otp;

import dev.lockstep.platform.testing.Layers;
import org.junit.jupiter.api.Test;

/** No class in service, domain or messaging imports a REST type, and the domain calls no service. */
class LayersTest {

    @Test
    void arrowsPointInwardOnly() {
        Layers.of("dev.lockstep.otp").check(Layers.mainClasses("dev.lockstep.otp"));
    }
}
