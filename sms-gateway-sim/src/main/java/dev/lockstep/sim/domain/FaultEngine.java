package dev.lockstep.sim.domain;

import dev.lockstep.platform.fault.Triggers;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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

    /** The longest any delay may be, whatever a distribution draws. */
    public static final Duration LONGEST_DELAY = Duration.ofDays(366);

    /** How long a reordered message waits for a later one to overtake it when the rule says nothing. */
    public static final Duration DEFAULT_REORDER_HOLD = Duration.ofMinutes(5);

    /**
     * What the engine knows of a message.
     *
     * @param address the E.164 number, or the email address
     * @param country the phone's region; null for email
     * @param carrier the phone's carrier; null for email or when unknown
     * @param addressSeq the message's place among the messages to this address (1 = first)
     */
    public record Facts(String address, String country, String carrier, String channel, String kind, long addressSeq,
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
            boolean acts;
            if ("throttle".equals(rule.effect)) {
                rule.schedule.matched++;
                acts = throttled(rule, facts);
                rule.schedule.hits += acts ? 1 : 0;
            } else {
                acts = rule.schedule.fire(() -> draw(seed, facts, rule.position, 0));
            }
            if (acts) {
                return Optional.of(new Firing(rule, delay(rule, facts, seed)));
            }
        }
        return Optional.empty();
    }

    /**
     * What a rule matches, without its counters: it changes only when the rule list does, so it can be
     * kept in memory and checked without touching the database.
     */
    public record Criteria(String id, String address, String prefix, String country, String carrier, String channel,
            String kind, Instant windowFrom, Instant windowUntil) {

        public static Criteria of(FaultRule rule) {
            return new Criteria(rule.id, rule.matchAddress, rule.matchPrefix, rule.matchCountry, rule.matchCarrier,
                    rule.matchChannel, rule.matchKind, rule.schedule.from, rule.schedule.until);
        }

        public boolean matches(Facts facts) {
            if (!Triggers.inWindow(windowFrom, windowUntil, facts.now())) {
                return false;
            }
            return (address == null || address.equals(facts.address()))
                    && (prefix == null || facts.address().startsWith(prefix))
                    && (country == null || country.equals(facts.country()))
                    && (carrier == null || carrier.equalsIgnoreCase(String.valueOf(facts.carrier())))
                    && (channel == null || channel.equals(facts.channel()))
                    && (kind == null || kind.equals(facts.kind()));
        }
    }

    static boolean matches(FaultRule rule, Facts facts) {
        if (Triggers.spent(rule.schedule.next)) {
            return false;
        }
        return Criteria.of(rule).matches(facts);
    }

    /** A throttle passes the first perMinute messages of each fixed sandbox-clock minute; true for the rest. */
    private static boolean throttled(FaultRule rule, Facts facts) {
        Instant minute = facts.now().truncatedTo(ChronoUnit.MINUTES);
        if (rule.throttleMinute == null || !minute.equals(rule.throttleMinute)) {
            rule.throttleMinute = minute;
            rule.throttleCount = 0;
        }
        rule.throttleCount++;
        return rule.throttleCount > rule.perMinute;
    }

    private static Duration delay(FaultRule rule, Facts facts, long seed) {
        if ("reorder".equals(rule.effect)) {
            return rule.delayMinMs != null ? Duration.ofMillis(rule.delayMinMs) : DEFAULT_REORDER_HOLD;
        }
        if (!"delay".equals(rule.effect) || rule.delayMinMs == null) {
            return Duration.ZERO;
        }
        long min = rule.delayMinMs;
        if ("log-normal".equals(rule.delayDistribution)) {
            // WireMock's shape: the median scaled by e^(sigma * z), z standard normal (Box-Muller)
            double u1 = draw(seed, facts, rule.position, 1);
            double u2 = draw(seed, facts, rule.position, 2);
            double z = Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
            double ms = min * Math.exp(rule.delaySigma * z);
            double cap = rule.delayMaxMs != null ? rule.delayMaxMs : LONGEST_DELAY.toMillis();
            return Duration.ofMillis((long) Math.min(ms, cap));
        }
        long max = rule.delayMaxMs != null ? rule.delayMaxMs : min;
        return Duration.ofMillis(min + (long) (draw(seed, facts, rule.position, 1) * (max - min)));
    }

    /**
     * The text as a garbling network delivers it: every digit replaced by a different one (drawn from
     * the seed), so the code the user reads is wrong, while the rest of the text stays readable.
     */
    public static String corrupt(String text, Facts facts, long seed, int position) {
        StringBuilder garbled = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                int shift = 1 + (int) (draw(seed, facts, position, 16 + i) * 9);
                garbled.append((char) ('0' + (c - '0' + shift) % 10));
            } else {
                garbled.append(c);
            }
        }
        return garbled.toString();
    }

    /** A number in [0, 1) that depends only on its inputs. */
    static double draw(long seed, Facts facts, int position, int purpose) {
        return Triggers.draw(seed, facts.addressSeq(), position, purpose, facts.address());
    }
}
