package dev.lockstep.otp.service;

import dev.lockstep.contracts.FactorAdded;
import dev.lockstep.contracts.FactorRemoved;
import dev.lockstep.contracts.RecoveryKeyChanged;
import dev.lockstep.contracts.Topic;
import dev.lockstep.contracts.http.FactorView;
import dev.lockstep.otp.domain.Factor;
import dev.lockstep.otp.domain.RecoveryCode;
import dev.lockstep.platform.clock.SandboxClock;
import dev.lockstep.platform.outbox.Outbox;
import dev.lockstep.platform.phone.PhoneNumbers;
import dev.lockstep.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Trusted phones of accounts. */
@ApplicationScoped
public class FactorService {

    private final Outbox outbox;

    private final SandboxClock clock;

    private final RecoveryCodeService recoveryCodes;

    public FactorService(Outbox outbox, SandboxClock clock, RecoveryCodeService recoveryCodes) {
        this.outbox = outbox;
        this.clock = clock;
        this.recoveryCodes = recoveryCodes;
    }

    /** Registers a trusted SMS phone, once per account and number. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void addSmsPhone(String accountId, String e164, String correlationId) {
        if (Factor.count("accountId = ?1 and phone = ?2", accountId, e164) > 0) {
            return;
        }
        Factor factor = new Factor();
        factor.id = UUID.randomUUID().toString();
        factor.accountId = accountId;
        factor.type = "sms";
        factor.phone = e164;
        factor.createdAt = clock.instant();
        factor.persist();
        outbox.publish(Topic.OTP_EVENTS, accountId, correlationId,
                new FactorAdded(accountId, factor.id, factor.type, PhoneNumbers.mask(e164)));
    }

    /** An operator adds a trusted phone to a known account; the same number twice is a conflict. */
    @Transactional
    public FactorView addPhone(String accountId, String e164) {
        Factor.requireKnownAccount(accountId);
        if (Factor.count("accountId = ?1 and phone = ?2", accountId, e164) > 0) {
            throw ProblemException.conflict("phone-already-trusted", "The number is already a trusted phone of the account");
        }
        addSmsPhone(accountId, e164, null);
        Factor added = Factor.<Factor> find("accountId = ?1 and phone = ?2", accountId, e164).firstResult();
        return FactorView.phone(added.id, PhoneNumbers.mask(e164));
    }

    /** An operator removes a trusted phone; the account's last phone stays (it is how codes reach the owner). */
    @Transactional
    public void removePhone(String accountId, String factorId) {
        Factor factor = Factor.findById(factorId);
        if (factor == null || !factor.accountId.equals(accountId) || !"sms".equals(factor.type)) {
            throw ProblemException.notFound("factor-not-found", "No such trusted phone on this account");
        }
        if (Factor.count("accountId = ?1 and type = 'sms'", accountId) == 1) {
            throw ProblemException.conflict("last-phone", "The account's last trusted phone cannot be removed");
        }
        factor.delete();
        outbox.publish(Topic.OTP_EVENTS, accountId, null, new FactorRemoved(accountId, factorId, "sms"));
    }

    /**
     * The owner (through auth-service, which checked the password and that the account is not locked)
     * removes one of the account's factors: a phone (never the last), the authenticator app, the
     * recovery key, or the set of recovery codes.
     */
    @Transactional
    public void removeByOwner(String accountId, String factorId) {
        Factor factor = Factor.findById(factorId);
        if (factor == null || !factor.accountId.equals(accountId)) {
            throw ProblemException.notFound("factor-not-found", "No such factor on this account");
        }
        if ("sms".equals(factor.type)) {
            removePhone(accountId, factorId);
            return;
        }
        if ("recovery-code".equals(factor.type)) {
            RecoveryCode.delete("accountId", accountId);
        }
        factor.delete();
        outbox.publish(Topic.OTP_EVENTS, accountId, null, new FactorRemoved(accountId, factorId, factor.type));
        if ("recovery-key".equals(factor.type)) {
            outbox.publish(Topic.OTP_EVENTS, accountId, null, new RecoveryKeyChanged(accountId, false));
        }
    }

    /** The trusted phone factor of the account with this number, if any. */
    public Optional<String> phoneFactor(String accountId, String e164) {
        return Factor.<Factor> find("accountId = ?1 and type = 'sms' and phone = ?2", accountId, e164)
                .firstResultOptional().map(f -> f.id);
    }

    /**
     * After a waiting-period recovery the account's trusted phones become the one number the owner
     * proved (the recovery phone): the others go, each with an event.
     */
    @Transactional
    public void replacePhones(String accountId, String e164, String correlationId) {
        Factor.requireKnownAccount(accountId);
        Factor.lockAccount(accountId);
        addSmsPhone(accountId, e164, correlationId);
        for (Factor factor : Factor.<Factor> list("accountId = ?1 and type = 'sms' and phone <> ?2", accountId, e164)) {
            factor.delete();
            outbox.publish(Topic.OTP_EVENTS, accountId, correlationId, new FactorRemoved(accountId, factor.id, "sms"));
        }
    }

    /**
     * Support escalation (S2): the factors added since {@code since} go (an intruder's phone or app),
     * but never the account's last phone.
     */
    @Transactional
    public int removeAddedSince(String accountId, Instant since, String correlationId) {
        Factor.lockAccount(accountId);
        int removed = 0;
        for (Factor factor : Factor.<Factor> list("accountId = ?1 and createdAt >= ?2 order by createdAt desc", accountId,
                since)) {
            if ("sms".equals(factor.type) && Factor.count("accountId = ?1 and type = 'sms'", accountId) == 1) {
                continue;
            }
            if ("recovery-code".equals(factor.type)) {
                RecoveryCode.delete("accountId", accountId);
            }
            factor.delete();
            outbox.publish(Topic.OTP_EVENTS, accountId, correlationId, new FactorRemoved(accountId, factor.id, factor.type));
            if ("recovery-key".equals(factor.type)) {
                outbox.publish(Topic.OTP_EVENTS, accountId, correlationId, new RecoveryKeyChanged(accountId, false));
            }
            removed++;
        }
        return removed;
    }

    /** Support reset the authenticator app: every TOTP factor of the account goes (confirmed or not). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void removeTotp(String accountId, String correlationId) {
        for (Factor factor : Factor.<Factor> list("accountId = ?1 and type = 'totp'", accountId)) {
            factor.delete();
            outbox.publish(Topic.OTP_EVENTS, accountId, correlationId, new FactorRemoved(accountId, factor.id, "totp"));
        }
    }

    /**
     * The account's usable factors as the login screen may show them (phones masked): a confirmed
     * authenticator app first, as providers offer it before a text message, then the phones, then
     * the recovery key, then recovery codes while any is left.
     */
    public List<FactorView> usable(String accountId) {
        List<Factor> all = Factor.ofAccount(accountId);
        List<FactorView> usable = new ArrayList<>();
        all.stream().filter(f -> "totp".equals(f.type) && "active".equals(f.status))
                .forEach(f -> usable.add(FactorView.silent(f.id, f.type)));
        all.stream().filter(f -> "sms".equals(f.type))
                .forEach(f -> usable.add(FactorView.phone(f.id, PhoneNumbers.mask(f.phone))));
        all.stream().filter(f -> "recovery-key".equals(f.type))
                .forEach(f -> usable.add(FactorView.silent(f.id, f.type)));
        if (recoveryCodes.anyLeft(accountId)) {
            all.stream().filter(f -> "recovery-code".equals(f.type))
                    .forEach(f -> usable.add(FactorView.silent(f.id, f.type)));
        }
        return usable;
    }
}
