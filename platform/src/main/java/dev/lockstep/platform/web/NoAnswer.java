package dev.lockstep.platform.web;

import io.vertx.core.VertxException;
import jakarta.ws.rs.ProcessingException;
import java.io.IOException;
import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;

/**
 * Tells a call to another service that got no answer — no connection, the connection cut before
 * or while the answer was read, a timeout, an open circuit breaker — from one that got an answer
 * (a {@code WebApplicationException}) or failed through a fault of the caller's own. The first is
 * the other service being down, a 503 for the caller's client; the second is a bug. The REST client
 * wraps a refused or reset connection in a {@link ProcessingException}, but passes a connection the
 * other side closed while the body was being read on as Vert.x's own {@code HttpClosedException}
 * ("Connection was closed"), which is why the whole cause chain is read.
 */
public final class NoAnswer {

    private static final int DEEPEST = 16;

    private NoAnswer() {
    }

    public static boolean in(Throwable failure) {
        Throwable cause = failure;
        for (int depth = 0; cause != null && depth < DEEPEST; depth++, cause = cause.getCause()) {
            if (cause instanceof ProcessingException || cause instanceof FaultToleranceException
                    || cause instanceof IOException || cause instanceof VertxException) {
                return true;
            }
        }
        return false;
    }
}
