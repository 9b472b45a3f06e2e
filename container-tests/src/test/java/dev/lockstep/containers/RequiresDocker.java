package dev.lockstep.containers;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testcontainers.DockerClientFactory;

/**
 * Skips a container test class where no Docker engine answers — unless LOCKSTEP_REQUIRE_DOCKER=1
 * (as in CI), where a missing engine fails the class instead of skipping it.
 */
public final class RequiresDocker implements BeforeAllCallback {

    @Override
    public void beforeAll(ExtensionContext context) {
        if (DockerClientFactory.instance().isDockerAvailable()) {
            return;
        }
        if ("1".equals(System.getenv("LOCKSTEP_REQUIRE_DOCKER"))) {
            throw new IllegalStateException("LOCKSTEP_REQUIRE_DOCKER=1 but no Docker engine answers");
        }
        Assumptions.abort("no Docker engine: the container tier is skipped");
    }
}
