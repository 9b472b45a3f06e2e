package dev.lockstep.auth.domain;

import java.util.Arrays;

/** What a risk level does to the sign-in; a policy names it by its wire name. */
public enum RiskAction {
    /** The sign-in goes on as it would. */
    ALLOW("allow"),
    /** A second factor, even where the account's mode or a trusted device would skip it. */
    REQUIRE_MFA("require-mfa"),
    /** This attempt fails. */
    BLOCK("block"),
    /** The account locks and its password is invalidated (story S0). */
    LOCK("lock");

    private final String wire;

    RiskAction(String wire) {
        this.wire = wire;
    }

    /** The name policies, events and the login attempts use. */
    public String wire() {
        return wire;
    }

    /** The action of a wire name ({@link RiskPolicy#problem()} refuses unknown ones first). */
    public static RiskAction of(String wire) {
        return Arrays.stream(values()).filter(a -> a.wire.equals(wire)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no risk action " + wire));
    }
}
