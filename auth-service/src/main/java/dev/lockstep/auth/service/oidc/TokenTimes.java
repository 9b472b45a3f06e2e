package dev.lockstep.auth.service.oidc;

import dev.lockstep.platform.clock.SandboxClock;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * How token times relate to the sandbox clock. Client libraries check {@code iat}, {@code exp} and
 * {@code auth_time} against their own wall clock, so those are wall-clock times: a fresh token is
 * fresh to any library, however far the sandbox clock was moved. Lockstep itself judges lifetimes on
 * the sandbox clock: a token also carries {@code sandbox_exp} (when it expires on the sandbox clock),
 * which userinfo and introspection enforce, and sessions, codes and refresh tokens expire on the
 * sandbox clock; so "advance 2 hours" expires tokens for everything that asks Lockstep.
 * {@code auth_time} is the wall time that lies as far back as the sign-in lies on the sandbox clock,
 * so {@code max_age} can be tested by time travel too.
 */
@ApplicationScoped
public class TokenTimes {

    private final Clock wall = Clock.systemUTC();

    private final SandboxClock sandbox;

    public TokenTimes(SandboxClock sandbox) {
        this.sandbox = sandbox;
    }

    public Instant wallNow() {
        return wall.instant();
    }

    public Instant sandboxNow() {
        return sandbox.instant();
    }

    /** The wall time as long ago as {@code sandboxInstant} is on the sandbox clock. */
    public Instant wallOf(Instant sandboxInstant) {
        return wallNow().minus(Duration.between(sandboxInstant, sandboxNow()));
    }
}
