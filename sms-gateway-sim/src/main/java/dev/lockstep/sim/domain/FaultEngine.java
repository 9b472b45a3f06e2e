package dev.lockstep.sim.domain;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Decides which fault rule, if any, acts on a message. Rules are tried in order; the first that
 * matches and fires wins. Random draws are a pure function of the sandbox seed, the phone, the
 * message's place among that phone's messages and the rule's position: the same seed, rules and
 * messages give the same outcomes, whatever order Kafka interleaves different phones in.
 */
public final class FaultEngine {

    private FaultEngine() {
    }

    /** What the engine knows of a message. */
    public record Facts(String phone, String country, String carrier, String channel, String kind, long phoneSeq,
            Instant now) {
    }

    /** A rule acted: its effect, and for a delay, how long. */
    public record Firing(FaultRule rule, Duration delay) {
    }

    /** Finds the firing rule and updates the counters of every rule it looked at. */
    public static Optional<Firing> decide(List<FaultRule> rulesInOrder, Facts facts, long seed) {
        for (FaultRule rule : rulesInOrder) {
            if (!matches(rule, facts)) {
                continue;
            }
            rule.matched++;
            if (!fires(rule, facts, seed)) {
                continue;
            }
            rule.hits++;
            if (rule.triggerNext != null) {
                rule.triggerNext--;
            }
            return Optional.of(new Firing(rule, delay(rule, facts, seed)));
        }
        return Optional.empty();
    }

    static boolean matches(FaultRule rule, Facts facts) {
        if (rule.windowFrom != null && facts.now().isBefore(rule.windowFrom)) {
            return false;
        }
        if (rule.windowUntil != null && !facts.now().isBefore(rule.windowUntil)) {
            return false;
        }
        if (rule.triggerNext != null && rule.triggerNext <= 0) {
            return false;
        }
        return (rule.matchNumber == null || rule.matchNumber.equals(facts.phone()))
                && (rule.matchPrefix == null || facts.phone().startsWith(rule.matchPrefix))
                && (rule.matchCountry == null || rule.matchCountry.equals(facts.country()))
                && (rule.matchCarrier == null || rule.matchCarrier.equalsIgnoreCase(String.valueOf(facts.carrier())))
                && (rule.matchChannel == null || rule.matchChannel.equals(facts.channel()))
                && (rule.matchKind == null || rule.matchKind.equals(facts.kind()));
    }

    private static boolean fires(FaultRule rule, Facts facts, long seed) {
        if (rule.triggerEvery != null) {
            return rule.matched % rule.triggerEvery == 0;
        }
        if (rule.triggerProbability != null) {
            return draw(seed, facts, rule.position, 0) < rule.triggerProbability;
        }
        return true; // "next N" (counted down by the caller) or always
    }

    private static Duration delay(FaultRule rule, Facts facts, long seed) {
        if (!"delay".equals(rule.effect) || rule.delayMinMs == null) {
            return Duration.ZERO;
        }
        long min = rule.delayMinMs;
        long max = rule.delayMaxMs != null ? rule.delayMaxMs : min;
        return Duration.ofMillis(min + (long) (draw(seed, facts, rule.position, 1) * (max - min)));
    }

    /** A number in [0, 1) that depends only on its inputs. */
    static double draw(long seed, Facts facts, int position, int purpose) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(ByteBuffer.allocate(28).putLong(seed).putLong(facts.phoneSeq()).putInt(position)
                    .putInt(purpose).putInt(0).array());
            sha.update(facts.phone().getBytes(StandardCharsets.US_ASCII));
            long bits = ByteBuffer.wrap(sha.digest()).getLong() >>> 11;
            return bits / (double) (1L << 53);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
