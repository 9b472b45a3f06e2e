package dev.lockstep.platform.layers;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import dev.lockstep.platform.layers.fixture.domain.CallsService;
import dev.lockstep.platform.layers.fixture.domain.Greeting;
import dev.lockstep.platform.layers.fixture.rest.Request;
import dev.lockstep.platform.layers.fixture.rest.Resource;
import dev.lockstep.platform.layers.fixture.service.Greeter;
import dev.lockstep.platform.layers.fixture.service.UsesRequest;
import dev.lockstep.platform.testing.Layers;
import org.junit.jupiter.api.Test;

/** The rule every service's {@code LayersTest} applies catches both wrong arrows, and only those. */
class LayersTest {

    private static final String BASE = "dev.lockstep.platform.layers.fixture";

    @Test
    void refusesServiceCodeThatImportsARestTypeAndADomainThatCallsAService() {
        AssertionError failure = assertThrows(AssertionError.class, () -> Layers.of(BASE)
                .check(new ClassFileImporter().importClasses(Request.class, UsesRequest.class, CallsService.class)));
        assertTrue(failure.getMessage().contains("UsesRequest"), failure.getMessage());
        assertTrue(failure.getMessage().contains("CallsService"), failure.getMessage());
    }

    @Test
    void acceptsAResourceThatMapsItsBodyForTheService() {
        assertDoesNotThrow(() -> Layers.of(BASE).check(new ClassFileImporter()
                .importClasses(Request.class, Resource.class, Greeter.class, Greeting.class)));
    }
}
