package dev.lockstep.sim.service;

import dev.lockstep.platform.clock.SandboxClock;
import dev.lockstep.platform.fault.EffectSettings;
import dev.lockstep.platform.fault.FaultSchedule;
import dev.lockstep.platform.phone.PhoneNumbers;
import dev.lockstep.platform.problem.ProblemException;
import dev.lockstep.platform.reset.SandboxReset;
import dev.lockstep.platform.settings.RuntimeSettings;
import dev.lockstep.platform.tx.AfterCommit;
import dev.lockstep.sim.config.SimConfig;
import dev.lockstep.sim.domain.DeliveryPolicy;
import dev.lockstep.sim.domain.FaultEngine;
import dev.lockstep.sim.domain.FaultRule;
import dev.lockstep.sim.domain.Mailbox;
import dev.lockstep.sim.domain.Message;
import dev.lockstep.sim.domain.Phone;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.LockModeType;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/** Fault rules, the sandbox seed, and the simulator's reset. */
@ApplicationScoped
public class FaultService {

    /** Twilio's code for a message refused for exceeding a rate limit. */
    static final int RATE_LIMITED = 30022;

    private final SandboxClock clock;

    private final SimConfig config;

    private final RuntimeSettings runtimeSettings;

    /** The seed an operator set, among the runtime settings. */
    private static final String SEED = "seed";

    private final TransactionSynchronizationRegistry transactions;

    public FaultService(SandboxClock clock, SimConfig config, RuntimeSettings runtimeSettings,
            TransactionSynchronizationRegistry transactions) {
        this.clock = clock;
        this.config = config;
        this.runtimeSettings = runtimeSettings;
        this.transactions = transactions;
    }

    /** What each rule matches, in order, as read at a version of the rule list. */
    private record Known(long version, List<FaultEngine.Criteria> criteria) {
    }

    private final AtomicLong changes = new AtomicLong();
    private volatile Known known;

    @Transactional
    public FaultRule add(FaultRequest request) {
        FaultRule rule = new FaultRule();
        rule.id = UUID.randomUUID().toString();
        rule.name = request.name();
        FaultRequest.Match match = request.match();
        if (match != null) {
            if (match.number() != null && match.email() != null) {
                throw EffectSettings.invalid("give number or email, not both");
            }
            rule.matchAddress = match.number() != null ? PhoneNumbers.toE164(match.number())
                    : match.email() != null ? Addresses.email(match.email()) : null;
            rule.matchPrefix = match.prefix();
            rule.matchCountry = match.country() != null ? match.country().toUpperCase(Locale.ROOT) : null;
            rule.matchCarrier = match.carrier();
            rule.matchChannel = match.channel();
            rule.matchKind = match.kind();
        }
        effect(rule, request.effect());
        if (request.trigger() != null && "throttle".equals(rule.effect)) {
            throw EffectSettings.invalid("throttle decides by its own count (perMinute); it takes no trigger");
        }
        rule.schedule = FaultSchedule.of(request.trigger(), request.window());
        Integer last = FaultRule.find("select max(r.position) from FaultRule r").project(Integer.class).firstResult();
        rule.position = last != null ? last + 1 : 1;
        rule.createdAt = clock.instant();
        rule.persist();
        rulesChanged();
        return rule;
    }

    /** Switches a rule off or on again; its counts stay. */
    @Transactional
    public FaultRule setEnabled(String id, boolean enabled) {
        FaultRule rule = FaultRule.findById(id);
        if (rule == null) {
            throw ProblemException.notFound("fault-not-found", "No such fault rule");
        }
        rule.enabled = enabled;
        rulesChanged();
        return rule;
    }

    public List<FaultRule> list() {
        return FaultRule.list("order by position");
    }

    /**
     * The rules that may act on a message, in evaluation order, locked so that counters stay exact.
     * What each rule matches is kept in memory, so a message no rule matches costs no query and only
     * matching rules are locked.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<FaultRule> forEvaluation(FaultEngine.Facts facts) {
        List<String> candidates = criteria().stream().filter(c -> c.matches(facts)).map(FaultEngine.Criteria::id).toList();
        if (candidates.isEmpty()) {
            return List.of();
        }
        return FaultRule.<FaultRule> find("id in ?1 order by position", candidates)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    private List<FaultEngine.Criteria> criteria() {
        long version = changes.get();
        Known known = this.known;
        if (known != null && known.version() == version) {
            return known.criteria();
        }
        List<FaultEngine.Criteria> read = QuarkusTransaction.requiringNew()
                .call(() -> FaultRule.<FaultRule> list("enabled = true order by position").stream()
                        .map(FaultEngine.Criteria::of)
                        .toList());
        // kept under the version seen before reading: a change committed meanwhile makes it stale at once
        this.known = new Known(version, read);
        return read;
    }

    /** A sandbox reset emptied the rules table: forget what was cached. */
    void onReset(@Observes SandboxReset.Done done) {
        rulesChanged();
    }

    /** The rule list changes: what is in memory is stale now, and again once the change is committed. */
    private void rulesChanged() {
        changes.incrementAndGet();
        AfterCommit.run(transactions, changes::incrementAndGet);
    }

    @Transactional
    public void delete(String id) {
        if (!FaultRule.deleteById(id)) {
            throw ProblemException.notFound("fault-not-found", "No such fault rule");
        }
        rulesChanged();
    }

    /** Removes every rule, message, phone and mailbox: a clean simulator (the clock and the seed stay). */
    @Transactional
    public void reset() {
        FaultRule.deleteAll();
        rulesChanged();
        Message.deleteAll();
        Phone.deleteAll();
        Mailbox.deleteAll();
    }

    public long seed() {
        return runtimeSettings.text(SEED).map(Long::parseLong).orElse(config.seed());
    }

    @Transactional
    public long setSeed(long seed) {
        runtimeSettings.putText(SEED, Long.toString(seed));
        return seed;
    }

    /** Checks that the effect carries exactly the settings its type uses, and copies them. */
    private static void effect(FaultRule rule, FaultRequest.Effect effect) {
        String type = effect.type();
        rule.effect = type;
        EffectSettings.allow(type, "errorCode", effect.errorCode(), "reject", "throttle");
        EffectSettings.allow(type, "delay", effect.delay(), "delay", "reorder");
        EffectSettings.allow(type, "delayMax", effect.delayMax(), "delay");
        EffectSettings.allow(type, "distribution", effect.distribution(), "delay");
        EffectSettings.allow(type, "sigma", effect.sigma(), "delay");
        EffectSettings.allow(type, "length", effect.length(), "truncate");
        EffectSettings.allow(type, "perMinute", effect.perMinute(), "throttle");
        switch (type) {
            case "reject" -> rule.errorCode = effect.errorCode() != null ? effect.errorCode() : DeliveryPolicy.UNKNOWN;
            case "throttle" -> {
                if (effect.perMinute() == null) {
                    throw EffectSettings.invalid("the throttle effect needs perMinute, the messages a minute that pass");
                }
                rule.perMinute = effect.perMinute();
                rule.errorCode = effect.errorCode() != null ? effect.errorCode() : RATE_LIMITED;
            }
            case "delay" -> delay(rule, effect);
            case "reorder" -> rule.delayMinMs = effect.delay() != null
                    ? EffectSettings.duration(effect.delay(), "delay", FaultEngine.LONGEST_DELAY).toMillis()
                    : null;
            case "truncate" -> {
                if (effect.length() == null) {
                    throw EffectSettings.invalid("the truncate effect needs length, the characters kept");
                }
                rule.textLength = effect.length();
            }
            default -> {
                // drop, duplicate, corrupt: nothing to set
            }
        }
    }

    private static void delay(FaultRule rule, FaultRequest.Effect effect) {
        if (effect.delay() == null) {
            throw EffectSettings
                    .invalid("the delay effect needs delay, e.g. \"PT30S\" or \"P2D\" (the median of a log-normal one)");
        }
        Duration min = EffectSettings.duration(effect.delay(), "delay", FaultEngine.LONGEST_DELAY);
        Duration max = effect.delayMax() != null
                ? EffectSettings.duration(effect.delayMax(), "delayMax", FaultEngine.LONGEST_DELAY)
                : null;
        String distribution = effect.distribution() != null ? effect.distribution() : max != null ? "uniform" : "fixed";
        switch (distribution) {
            case "fixed" -> {
                if (max != null) {
                    throw EffectSettings.invalid("a fixed delay takes no delayMax");
                }
            }
            case "uniform" -> {
                if (max == null || max.compareTo(min) < 0) {
                    throw EffectSettings.invalid("a uniform delay needs delayMax, not shorter than delay");
                }
            }
            default -> {
                if (effect.sigma() == null) {
                    throw EffectSettings.invalid("a log-normal delay needs sigma, its spread (e.g. 0.5)");
                }
                if (max != null && max.compareTo(min) < 0) {
                    throw EffectSettings.invalid("delayMax, the cap of a log-normal delay, must not be shorter than delay");
                }
            }
        }
        if (effect.sigma() != null && !"log-normal".equals(distribution)) {
            throw EffectSettings.invalid("sigma belongs to a log-normal delay only");
        }
        rule.delayDistribution = distribution;
        rule.delaySigma = effect.sigma();
        rule.delayMinMs = min.toMillis();
        rule.delayMaxMs = max != null ? max.toMillis() : null;
    }
}
