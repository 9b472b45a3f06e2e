package dev.lockstep.auth.service;

import dev.lockstep.auth.domain.Account;
import dev.lockstep.contracts.LoginSucceeded;
import dev.lockstep.contracts.Topic;
import dev.lockstep.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * The end of every successful login, with or without a second factor: a session (with tokens for
 * the JSON API, tied to the browser for the hosted login), the device remembered, and
 * {@code login.succeeded} on {@link Topic#SIGN_INS}, the one event that tells of both.
 */
@ApplicationScoped
public class SignIns {

    private final SessionService sessions;

    private final DeviceService devices;

    private final Outbox outbox;

    public SignIns(SessionService sessions, DeviceService devices, Outbox outbox) {
        this.sessions = sessions;
        this.devices = devices;
        this.outbox = outbox;
    }

    /** {@code challengeId}: the second-factor challenge it completed, or null for a password-only login. */
    @Transactional(Transactional.TxType.MANDATORY)
    LoginService.Success signIn(Account account, List<String> amr, String deviceKey, boolean trustDevice,
            String challengeId, String correlationId, LoginService.Via via) {
        LoginService.Success success;
        if (via.apiTokens()) {
            SessionService.Tokens issued = sessions.start(account, amr, deviceKey);
            success = new LoginService.Success(issued, issued.sessionId(), amr);
        } else {
            success = new LoginService.Success(null,
                    sessions.open(account, amr, deviceKey, via.browserHash()).id, amr);
        }
        devices.signedIn(account.id, deviceKey, trustDevice, correlationId);
        String tokenId = success.tokens() != null ? success.tokens().access().tokenId() : null;
        outbox.publish(Topic.SIGN_INS, account.id, correlationId,
                new LoginSucceeded(account.id, challengeId, tokenId, amr, deviceKey, success.sessionId()));
        return success;
    }
}
