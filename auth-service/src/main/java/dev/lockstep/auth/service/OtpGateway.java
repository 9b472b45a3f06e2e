package dev.lockstep.auth.service;

import dev.lockstep.contracts.http.CodeCheckRequest;
import dev.lockstep.contracts.http.CodeCheckResult;
import dev.lockstep.contracts.http.CodePolicyView;
import dev.lockstep.contracts.http.FactorView;
import dev.lockstep.platform.problem.ProblemException;
import dev.lockstep.platform.web.NoAnswer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import java.util.List;
import java.util.function.Supplier;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * Calls otp-service with SmallRye Fault Tolerance around it. Listing factors is safe to retry;
 * a code check is not (it may spend an attempt), so it only gets a timeout and a breaker. When
 * otp-service cannot answer, the user gets a 503 problem, never a 500.
 */
@ApplicationScoped
public class OtpGateway {

    private static final Logger LOG = Logger.getLogger(OtpGateway.class);

    private final Calls calls;

    public OtpGateway(Calls calls) {
        this.calls = calls;
    }

    public List<FactorView> factors(String accountId) {
        return guarded(() -> calls.factors(accountId));
    }

    public CodePolicyView policy(String accountId, String channel) {
        return guarded(() -> calls.policy(accountId, channel));
    }

    /** {@code attemptId}: the verify attempt (the same when a lost answer is asked for again). */
    public CodeCheckResult check(String challengeId, String accountId, String code, String factorId, String attemptId) {
        return guarded(() -> calls.check(challengeId, new CodeCheckRequest(accountId, code, factorId, attemptId)));
    }

    /** Removes a factor on the owner's behalf; otp-service's "no such factor" and "last phone" pass through. */
    public void removeFactor(String accountId, String factorId) {
        guarded(() -> {
            try {
                calls.removeFactor(accountId, factorId);
            } catch (WebApplicationException e) {
                int status = e.getResponse().getStatus();
                if (status == 404) {
                    throw ProblemException.notFound("factor-not-found", "No such factor on this account");
                }
                if (status == 409) {
                    throw ProblemException.conflict("last-phone", "The account's last trusted phone cannot be removed");
                }
                throw e;
            }
            return null;
        });
    }

    /** otp-service's own failure or no answer from it at all is a 503; a fault of ours stays a 500. */
    private static <T> T guarded(Supplier<T> call) {
        try {
            return call.get();
        } catch (WebApplicationException e) {
            throw unavailable();
        } catch (RuntimeException e) { // a ProblemException of our own passes: it is no failure to answer
            if (NoAnswer.in(e)) {
                LOG.warnf("otp-service did not answer: %s", e);
                throw unavailable();
            }
            throw e;
        }
    }

    private static ProblemException unavailable() {
        return new ProblemException(503, "second-factor-unavailable", "Second factors are unavailable",
                "otp-service did not answer; try again shortly.").header("Retry-After", "1");
    }

    /** The guarded calls themselves (a separate bean so the fault-tolerance interceptors apply). */
    @ApplicationScoped
    public static class Calls {

        private final OtpClient client;

        public Calls(@RestClient OtpClient client) {
            this.client = client;
        }

        @Timeout(3000)
        @Retry(maxRetries = 2, delay = 100, retryOn = ProcessingException.class)
        @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.75, delay = 2000)
        public List<FactorView> factors(String accountId) {
            return client.factors(accountId);
        }

        @Timeout(3000)
        @Retry(maxRetries = 2, delay = 100, retryOn = ProcessingException.class)
        @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.75, delay = 2000)
        public CodePolicyView policy(String accountId, String channel) {
            return client.policy(accountId, channel);
        }

        @Timeout(3000)
        @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.75, delay = 2000, skipOn = WebApplicationException.class)
        public void removeFactor(String accountId, String factorId) {
            client.removeFactor(accountId, factorId);
        }

        @Timeout(3000)
        @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.75, delay = 2000)
        public CodeCheckResult check(String challengeId, CodeCheckRequest request) {
            return client.check(challengeId, request);
        }
    }
}
