package dev.lockstep.platform.testing;

import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;

/**
 * Before each {@code @QuarkusTest} method of a service whose tests use this test-jar, the outbox channel's
 * in-memory sink ({@link InMemoryEvents#outbox()}) is emptied of what earlier tests sent. Registered through
 * {@code META-INF/services}, so no test class repeats the set-up; a test profile that sends the outbox to a
 * real broker has no such sink and is left alone.
 */
public class ClearedOutbox implements QuarkusTestBeforeEachCallback {

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        try {
            InMemoryEvents.outbox().clear();
        } catch (IllegalArgumentException noInMemoryOutbox) {
            // this application's outbox is not the in-memory connector's
        }
    }
}
