package dev.lockstep.platform.http;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.ext.web.client.WebClientSession;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The HTTP calls a service makes to an address it was given (the console's proxy, the scenario
 * player's browser, back-channel logout) go through Vert.x's web client on Quarkus's own Vert.x: traced
 * like the REST clients (each call a client span that carries {@code traceparent}, when tracing is on),
 * never following a redirect, and connecting within 2 seconds. The callers run on worker threads and
 * wait for the answer.
 */
@ApplicationScoped
public class OutgoingHttp {

    private static final int CONNECT_TIMEOUT_MS = 2000;

    private final WebClient client;

    public OutgoingHttp(Vertx vertx) {
        this.client = WebClient.create(vertx, new WebClientOptions().setConnectTimeout(CONNECT_TIMEOUT_MS)
                .setFollowRedirects(false).setUserAgent("Lockstep"));
    }

    /** A request to an absolute URL that fails when no answer has come within {@code timeout}. */
    public HttpRequest<Buffer> request(HttpMethod method, String url, Duration timeout) {
        return client.requestAbs(method, url).timeout(timeout.toMillis());
    }

    /** A browser of its own: it keeps the cookies it is given across its requests. */
    public Browser browser() {
        return new Browser(WebClientSession.create(client));
    }

    /** One browser's requests, with its cookies. */
    public static final class Browser {

        private final WebClientSession session;

        private Browser(WebClientSession session) {
            this.session = session;
        }

        public HttpRequest<Buffer> request(HttpMethod method, String url, Duration timeout) {
            return session.requestAbs(method, url).timeout(timeout.toMillis());
        }
    }

    /**
     * Waits for the answer to a sent request. A target that refuses the connection, does not answer in
     * time or breaks off is an {@link IOException}, as with the JDK's client.
     */
    public static HttpResponse<Buffer> await(Future<HttpResponse<Buffer>> sent) throws IOException {
        try {
            // the request's own timeout ends it first; this only bounds a wait that should never hang
            return sent.toCompletionStage().toCompletableFuture().get(5, TimeUnit.MINUTES);
        } catch (ExecutionException e) {
            throw new IOException(e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IOException("no answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    @PreDestroy
    void close() {
        client.close();
    }
}
