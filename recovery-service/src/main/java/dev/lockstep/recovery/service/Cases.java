package dev.lockstep.recovery.service;

import dev.lockstep.platform.clock.SandboxClock;
import dev.lockstep.platform.problem.ProblemException;
import dev.lockstep.recovery.domain.RecoveryCase;
import dev.lockstep.recovery.domain.RecoveryPath;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** Finding and opening cases, and what every path reads: the settings now and the sandbox day. */
@ApplicationScoped
public class Cases {

    private final SandboxClock clock;

    private final RecoverySettings settings;

    public Cases(SandboxClock clock, RecoverySettings settings) {
        this.clock = clock;
        this.settings = settings;
    }

    /** A case by id (read only); 404 for an unknown id. */
    public RecoveryCase caseOf(String caseId) {
        return QuarkusTransaction.requiringNew().call(() -> find(caseId, false));
    }

    /** A new case on the path, started now (not yet persisted). */
    RecoveryCase start(RecoveryPath path, String accountId, String username, String deviceId) {
        return RecoveryCase.start(path, accountId, username, deviceId, clock.instant());
    }

    /** The case, locked; 404 for an unknown id, 409 for a closed case. */
    static RecoveryCase lockOpen(String caseId) {
        RecoveryCase c = find(caseId, true);
        if (!c.open()) {
            throw new ProblemException(409, "case-closed", "The recovery case is closed", null)
                    .with("status", c.status.name());
        }
        return c;
    }

    static RecoveryCase find(String caseId, boolean lock) {
        RecoveryCase c = caseId == null || caseId.length() > 36 ? null
                : lock ? RecoveryCase.findById(caseId, LockModeType.PESSIMISTIC_WRITE) : RecoveryCase.findById(caseId);
        if (c == null) {
            throw ProblemException.notFound("case-not-found", "No such recovery case");
        }
        return c;
    }

    /** The sandbox day (UTC), as limits per day count it. */
    String today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).toString();
    }

    RecoverySettings.Settings settingsNow() {
        return QuarkusTransaction.requiringNew().call(settings::current);
    }
}
