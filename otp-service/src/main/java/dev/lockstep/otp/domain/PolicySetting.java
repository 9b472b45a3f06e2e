package dev.lockstep.otp.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;

/** A code policy set for the whole sandbox ({@code scope} {@code sandbox}) or for one account, per channel. */
@Entity
@Table(name = "code_policy")
@IdClass(PolicySetting.Key.class)
public class PolicySetting extends PanacheEntityBase {

    public static final String SANDBOX = "sandbox";

    @Id
    @Column(length = 36)
    public String scope;

    @Id
    @Column(length = 8)
    public String channel;

    /** The preset it came from, if any. */
    @Column(length = 32)
    public String preset;

    @Column(nullable = false)
    public int digits;

    @Column(name = "lifetime_seconds", nullable = false)
    public long lifetimeSeconds;

    @Column(name = "max_attempts", nullable = false)
    public int maxAttempts;

    @Column(name = "max_sends", nullable = false)
    public int maxSends;

    @Column(name = "cooldown_seconds", nullable = false)
    public long cooldownSeconds;

    @Column(name = "resend_mode", nullable = false, length = 16)
    public String resendMode;

    public CodePolicy policy() {
        return new CodePolicy(digits, Duration.ofSeconds(lifetimeSeconds), maxAttempts, maxSends,
                Duration.ofSeconds(cooldownSeconds), CodePolicy.ResendMode.valueOf(resendMode));
    }

    public void set(CodePolicy policy, String presetName) {
        preset = presetName;
        digits = policy.digits();
        lifetimeSeconds = policy.lifetime().toSeconds();
        maxAttempts = policy.maxAttempts();
        maxSends = policy.maxSends();
        cooldownSeconds = policy.resendCooldown().toSeconds();
        resendMode = policy.resendMode().name();
    }

    /** The composite key. */
    public static class Key implements Serializable {
        public String scope;
        public String channel;

        public Key() {
        }

        public Key(String scope, String channel) {
            this.scope = scope;
            this.channel = channel;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(scope, k.scope) && Objects.equals(channel, k.channel);
        }

        @Override
        public int hashCode() {
            return Objects.hash(scope, channel);
        }
    }
}
