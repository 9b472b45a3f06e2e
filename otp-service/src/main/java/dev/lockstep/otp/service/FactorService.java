package dev.lockstep.otp.service;

import dev.lockstep.contracts.FactorAdded;
import dev.lockstep.contracts.Topic;
import dev.lockstep.contracts.http.FactorView;
import dev.lockstep.otp.domain.Factor;
import dev.lockstep.platform.clock.SandboxClock;
import dev.lockstep.platform.outbox.Outbox;
import dev.lockstep.platform.phone.PhoneNumbers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;

/** Trusted phones of accounts. */
@ApplicationScoped
public class FactorService {

    @Inject
    Outbox outbox;

    @Inject
    SandboxClock clock;

    @Inject
    RecoveryCodeService recoveryCodes;

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

    /**
     * The account's usable factors as the login screen may show them (phones masked): a confirmed
     * authenticator app first, as providers offer it before a text message, then the phones, then
     * the recovery key, then recovery codes while any is left.
     */
    public List<FactorView> usable(String accountId) {
        List<Factor> all = Factor.ofAccount(accountId);
        List<FactorView> usable = new java.util.ArrayList<>();
        all.stream().filter(f -> "totp".equals(f.type) && "active".equals(f.status))
                .forEach(f -> usable.add(new FactorView(f.id, f.type, null)));
        all.stream().filter(f -> "sms".equals(f.type))
                .forEach(f -> usable.add(new FactorView(f.id, f.type, PhoneNumbers.mask(f.phone))));
        all.stream().filter(f -> "recovery-key".equals(f.type))
                .forEach(f -> usable.add(new FactorView(f.id, f.type, null)));
        if (recoveryCodes.anyLeft(accountId)) {
            all.stream().filter(f -> "recovery-code".equals(f.type))
                    .forEach(f -> usable.add(new FactorView(f.id, f.type, null)));
        }
        return usable;
    }
}
