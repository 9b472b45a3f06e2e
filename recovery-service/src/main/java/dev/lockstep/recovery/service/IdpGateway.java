package dev.lockstep.recovery.service;

import dev.lockstep.contracts.http.CodeCheckRequest;
import dev.lockstep.contracts.http.CodeCheckResult;
import dev.lockstep.contracts.http.FactorView;
import dev.lockstep.contracts.http.RecoveryCalls;
import dev.lockstep.platform.problem.ProblemException;
import dev.lockstep.platform.web.NoAnswer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * auth-service and otp-service as recovery-service needs them, with SmallRye Fault Tolerance around
 * each call (reads are retried; changes are not). When they cannot answer, the caller gets a 503
 * problem, never a 500; their own 4xx problems (a weak password, a disabled account) pass through.
 */
@ApplicationScoped
public class IdpGateway {

    private static final Logger LOG = Logger.getLogger(IdpGateway.class);

    /**
     * The id asked about when a name is unknown: the same calls then go out as for a known account
     * (and find nothing), so that the answer's time does not tell the two apart.
     */
    public static final String NO_ACCOUNT = "00000000-0000-0000-0000-000000000000";

    private final Calls calls;

    public IdpGateway(Calls calls) {
        this.calls = calls;
    }

    /** The account with this username, or empty. */
    public Optional<RecoveryCalls.AccountFacts> account(String username) {
        try {
            return Optional.of(calls.facts(username));
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() == 404) {
                return Optional.empty();
            }
            throw unavailable();
        } catch (RuntimeException e) {
            throw noAnswer(e);
        }
    }

    /** The account whose name and current (or invalidated) password these are, if they are. */
    public Optional<RecoveryCalls.AccountFacts> credentials(String username, String password) {
        return guarded(() -> Optional.ofNullable(calls.checkCredentials(username, password).account()));
    }

    public int passwordHistoryMatches(String accountId, List<String> passwords) {
        return guarded(() -> calls.checkHistory(accountId, passwords).matched());
    }

    public void restore(String accountId, String caseId, String password, String correlationId) {
        guarded(() -> {
            calls.restore(accountId, new RecoveryCalls.Restore(caseId, password, correlationId));
            return null;
        });
    }

    public RecoveryCalls.Removed escalate(String accountId, RecoveryCalls.Escalation escalation) {
        RecoveryCalls.Removed auth = guarded(() -> calls.authEscalate(accountId, escalation));
        RecoveryCalls.Removed otp = guarded(() -> calls.otpEscalate(accountId, escalation));
        return new RecoveryCalls.Removed(auth.sessions(), auth.devices(), otp.factors());
    }

    public List<FactorView> factors(String accountId) {
        return guarded(() -> calls.factors(accountId));
    }

    /** The id of the account's trusted phone with this number, or empty. */
    public Optional<String> trustedPhone(String accountId, String e164) {
        return Optional.ofNullable(guarded(() -> calls.matchPhone(accountId, e164)).factorId());
    }

    public void sendCode(String accountId, String factorId, String challengeId, String correlationId) {
        guarded(() -> {
            calls.sendCode(accountId, factorId, new RecoveryCalls.SendCode(challengeId, correlationId));
            return null;
        });
    }

    public CodeCheckResult check(String challengeId, String accountId, String code, String factorId) {
        return guarded(() -> calls.check(challengeId, new CodeCheckRequest(accountId, code, factorId)));
    }

    public void replacePhones(String accountId, String e164, String correlationId) {
        guarded(() -> {
            calls.replacePhones(accountId, new RecoveryCalls.ReplacePhones(e164, correlationId));
            return null;
        });
    }

    private static <T> T guarded(Supplier<T> call) {
        try {
            return call.get();
        } catch (WebApplicationException e) {
            int status = e.getResponse().getStatus();
            if (status >= 400 && status < 500) {
                throw passedThrough(e, status);
            }
            throw unavailable();
        } catch (RuntimeException e) {
            throw noAnswer(e);
        }
    }

    /** No answer at all is a 503 like the others' own failures; a fault of ours stays what it is. */
    private static RuntimeException noAnswer(RuntimeException e) {
        if (NoAnswer.in(e)) {
            LOG.warnf("auth-service or otp-service did not answer: %s", e);
            return unavailable();
        }
        return e;
    }

    /** A 4xx from auth-service or otp-service keeps its status and {@code type} slug. */
    private static ProblemException passedThrough(WebApplicationException e, int status) {
        String slug = "invalid-request";
        String title = "The identity provider refused the request";
        try {
            Map<?, ?> body = e.getResponse().readEntity(Map.class);
            Object type = body.get("type");
            if (type instanceof String t && t.contains(":")) {
                slug = t.substring(t.lastIndexOf(':') + 1);
            }
            if (body.get("title") instanceof String t) {
                title = t;
            }
        } catch (RuntimeException unreadable) {
            // keep the generic slug
        }
        return new ProblemException(status, slug, title, null);
    }

    private static ProblemException unavailable() {
        return new ProblemException(503, "identity-provider-unavailable", "Recovery cannot reach the identity provider",
                "auth-service or otp-service did not answer; try again shortly.").header("Retry-After", "1");
    }

    /** The guarded calls (a separate bean so that the fault-tolerance interceptors apply). */
    @ApplicationScoped
    public static class Calls {

        private final IdpClients.Auth auth;

        private final IdpClients.Otp otp;

        public Calls(@RestClient IdpClients.Auth auth, @RestClient IdpClients.Otp otp) {
            this.auth = auth;
            this.otp = otp;
        }

        @Timeout(5000)
        @Retry(maxRetries = 2, delay = 100, retryOn = ProcessingException.class)
        @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.75, delay = 2000, skipOn = WebApplicationException.class)
        public RecoveryCalls.AccountFacts facts(String username) {
            return auth.facts(username);
        }

        @Timeout(3000)
        @Retry(maxRetries = 2, delay = 100, retryOn = ProcessingException.class)
        @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.75, delay = 2000, skipOn = WebApplicationException.class)
        public List<FactorView> factors(String accountId) {
            return otp.factors(accountId);
        }

        @Timeout(3000)
        @Retry(maxRetries = 2, delay = 100, retryOn = ProcessingException.class)
        @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.75, delay = 2000, skipOn = WebApplicationException.class)
        public RecoveryCalls.FactorMatch matchPhone(String accountId, String e164) {
            return otp.matchPhone(accountId, new RecoveryCalls.PhoneMatch(e164));
        }

        /** A password check may count a failure, so it is not retried. */
        @Timeout(5000)
        @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.75, delay = 2000, skipOn = WebApplicationException.class)
        public RecoveryCalls.CredentialResult checkCredentials(String username, String password) {
            return auth.checkCredentials(new RecoveryCalls.CredentialCheck(username, password));
        }

        @Timeout(10000)
        @Retry(maxRetries = 2, delay = 100, retryOn = ProcessingException.class)
        @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.75, delay = 2000, skipOn = WebApplicationException.class)
        public RecoveryCalls.Matches checkHistory(String accountId, List<String> passwords) {
            return auth.checkHistory(accountId, new RecoveryCalls.HistoryCheck(passwords));
        }

        /** Escalations remove only what is there, so repeating one is safe. */
        @Timeout(5000)
        @Retry(maxRetries = 2, delay = 100, retryOn = ProcessingException.class)
        public RecoveryCalls.Removed authEscalate(String accountId, RecoveryCalls.Escalation escalation) {
            return auth.escalate(accountId, escalation);
        }

        @Timeout(5000)
        @Retry(maxRetries = 2, delay = 100, retryOn = ProcessingException.class)
        public RecoveryCalls.Removed otpEscalate(String accountId, RecoveryCalls.Escalation escalation) {
            return otp.escalate(accountId, escalation);
        }

        @Timeout(3000)
        @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.75, delay = 2000, skipOn = WebApplicationException.class)
        public void sendCode(String accountId, String factorId, RecoveryCalls.SendCode request) {
            otp.sendCode(accountId, factorId, request);
        }

        /** A check may spend an attempt, so it is not retried. */
        @Timeout(3000)
        @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.75, delay = 2000, skipOn = WebApplicationException.class)
        public CodeCheckResult check(String challengeId, CodeCheckRequest request) {
            return otp.check(challengeId, request);
        }

        /** Replacing the phones with one number is safe to repeat. */
        @Timeout(5000)
        @Retry(maxRetries = 2, delay = 100, retryOn = ProcessingException.class)
        public void replacePhones(String accountId, RecoveryCalls.ReplacePhones request) {
            otp.replacePhones(accountId, request);
        }

        /** Restoring is safe to repeat for one case (auth-service does it once), so it is retried too. */
        @Timeout(10000)
        @Retry(maxRetries = 2, delay = 200, retryOn = ProcessingException.class)
        public void restore(String accountId, RecoveryCalls.Restore request) {
            auth.restore(accountId, request);
        }
    }
}
