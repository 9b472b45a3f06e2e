package dev.lockstep.otp.service;

import dev.lockstep.contracts.FactorAdded;
import dev.lockstep.contracts.Topic;
import dev.lockstep.otp.config.OtpConfig;
import dev.lockstep.otp.domain.Factor;
import dev.lockstep.otp.domain.Totp;
import dev.lockstep.platform.clock.SandboxClock;
import dev.lockstep.platform.outbox.Outbox;
import dev.lockstep.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.util.OptionalLong;
import java.util.UUID;
import org.apache.commons.codec.binary.Base32;

/**
 * Authenticator-app enrolment: a random secret, shown once as base32, a Key URI and a QR code; the
 * factor becomes active when a first valid code confirms that the app has it.
 */
@ApplicationScoped
public class TotpService {

    /** What an enrolment shows once. */
    public record Enrolment(Factor factor, String secret, String uri) {
    }

    private final OtpConfig config;

    private final SecretBox box;

    private final SandboxClock clock;

    private final Outbox outbox;

    public TotpService(OtpConfig config, SecretBox box, SandboxClock clock, Outbox outbox) {
        this.config = config;
        this.box = box;
        this.clock = clock;
        this.outbox = outbox;
    }

    private final SecureRandom random = new SecureRandom();

    /** Starts an enrolment; an earlier unconfirmed one of the account is replaced. */
    @Transactional
    public Enrolment enrol(String accountId, String algorithm, Integer digits, String label) {
        Factor.requireKnownAccount(accountId);
        Factor.delete("accountId = ?1 and type = 'totp' and status = 'pending'", accountId);
        OtpConfig.Totp defaults = config.totp();
        byte[] secret = new byte[defaults.secretBytes()];
        random.nextBytes(secret);
        Factor factor = new Factor();
        factor.id = UUID.randomUUID().toString();
        factor.accountId = accountId;
        factor.type = "totp";
        factor.status = "pending";
        factor.totpSecret = box.seal(secret);
        factor.totpAlgorithm = algorithm != null ? algorithm : defaults.algorithm();
        factor.totpDigits = digits != null ? digits : defaults.digits();
        factor.totpPeriodSeconds = (int) defaults.period().toSeconds();
        factor.totpLastStep = -1L;
        factor.label = label != null ? label : accountId;
        factor.createdAt = clock.instant();
        factor.persist();
        String base32 = new Base32().encodeToString(secret).replace("=", "");
        return new Enrolment(factor, base32, Totp.uri(defaults.issuer(), factor.label, base32, factor.totpSettings()));
    }

    /** The Key URI of a pending enrolment, for its QR code; an active factor's secret is not shown again. */
    public String pendingUri(String accountId, String factorId) {
        Factor factor = totpFactor(accountId, factorId);
        if (!"pending".equals(factor.status)) {
            throw ProblemException.conflict("totp-already-confirmed",
                    "The authenticator is confirmed; its secret is not shown again");
        }
        String base32 = new Base32().encodeToString(box.open(factor.totpSecret)).replace("=", "");
        return Totp.uri(config.totp().issuer(), factor.label, base32, factor.totpSettings());
    }

    /** Confirms an enrolment with a first code from the app; the factor becomes active. */
    @Transactional
    public Factor confirm(String accountId, String factorId, String code) {
        Factor factor = Factor.findById(factorId, LockModeType.PESSIMISTIC_WRITE);
        if (factor == null || !factor.accountId.equals(accountId) || !"totp".equals(factor.type)) {
            throw ProblemException.notFound("factor-not-found", "No such authenticator for this account");
        }
        if (!"pending".equals(factor.status)) {
            throw ProblemException.conflict("totp-already-confirmed", "The authenticator is already confirmed");
        }
        OptionalLong step = Totp.verify(box.open(factor.totpSecret), factor.totpSettings(), code, clock.instant(),
                config.totp().drift(), factor.totpLastStep);
        if (step.isEmpty()) {
            throw ProblemException.badRequest("code-invalid", "The code does not match the authenticator",
                    "Enter the code the app shows now; check that the device's clock is right.");
        }
        factor.totpLastStep = step.getAsLong();
        factor.status = "active";
        outbox.publish(Topic.OTP_EVENTS, accountId, null, new FactorAdded(accountId, factor.id, "totp", null));
        return factor;
    }

    private Factor totpFactor(String accountId, String factorId) {
        Factor factor = Factor.findById(factorId);
        if (factor == null || !factor.accountId.equals(accountId) || !"totp".equals(factor.type)) {
            throw ProblemException.notFound("factor-not-found", "No such authenticator for this account");
        }
        return factor;
    }
}
