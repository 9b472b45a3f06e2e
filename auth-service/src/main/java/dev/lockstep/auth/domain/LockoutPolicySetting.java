package dev.lockstep.auth.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;

/** An account's own brute-force policy, knob by knob; {@code preset} {@code off} exempts the account. */
@Entity
@Table(name = "lockout_policy")
public class LockoutPolicySetting extends PanacheEntityBase {

    @Id
    @Column(name = "account_id", length = 36)
    public String accountId;

    @Column(length = 32)
    public String preset;

    @Column(nullable = false, length = 16)
    public String mode;

    @Column(name = "failure_factor", nullable = false)
    public int failureFactor;

    @Column(name = "wait_increment_ms", nullable = false)
    public long waitIncrementMs;

    @Column(name = "max_wait_ms", nullable = false)
    public long maxWaitMs;

    @Column(name = "max_delta_ms", nullable = false)
    public long maxDeltaMs;

    @Column(name = "quick_login_check_ms", nullable = false)
    public long quickLoginCheckMs;

    @Column(name = "min_quick_login_wait_ms", nullable = false)
    public long minQuickLoginWaitMs;

    @Column(name = "max_temporary_lockouts", nullable = false)
    public int maxTemporaryLockouts;

    @Column(nullable = false, length = 16)
    public String strategy;

    public BruteForcePolicy policy() {
        return new BruteForcePolicy(BruteForcePolicy.Mode.valueOf(mode), failureFactor, Duration.ofMillis(waitIncrementMs),
                Duration.ofMillis(maxWaitMs), Duration.ofMillis(maxDeltaMs), Duration.ofMillis(quickLoginCheckMs),
                Duration.ofMillis(minQuickLoginWaitMs), maxTemporaryLockouts, BruteForcePolicy.Strategy.valueOf(strategy));
    }

    public void set(BruteForcePolicy p, String presetName) {
        preset = presetName;
        mode = p.mode().name();
        failureFactor = p.failureFactor();
        waitIncrementMs = p.waitIncrement().toMillis();
        maxWaitMs = p.maxWait().toMillis();
        maxDeltaMs = p.maxDeltaTime().toMillis();
        quickLoginCheckMs = p.quickLoginCheck().toMillis();
        minQuickLoginWaitMs = p.minimumQuickLoginWait().toMillis();
        maxTemporaryLockouts = p.maxTemporaryLockouts();
        strategy = p.strategy().name();
    }
}
