package dev.lockstep.platform.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.http.HttpClosedException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import java.net.ConnectException;
import java.util.concurrent.CompletionException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.junit.jupiter.api.Test;

class NoAnswerTest {

    @Test
    void aRefusedOrCutConnectionATimeoutOrAnOpenBreakerIsNoAnswer() {
        assertTrue(NoAnswer.in(new ProcessingException(new ConnectException("Connection refused"))));
        assertTrue(NoAnswer.in(new HttpClosedException("Connection was closed")), "cut while the body was read");
        assertTrue(NoAnswer.in(new CompletionException(new HttpClosedException("Connection was closed"))));
        assertTrue(NoAnswer.in(new TimeoutException()));
        assertTrue(NoAnswer.in(new CircuitBreakerOpenException()));
    }

    @Test
    void anAnswerOrAFaultOfOurOwnIsNot() {
        assertFalse(NoAnswer.in(new WebApplicationException(500)), "the other service answered");
        assertFalse(NoAnswer.in(new NullPointerException()));
        assertFalse(NoAnswer.in(new IllegalStateException("bug", new IllegalArgumentException())));
    }
}
