package dev.lockstep.sim.service;

import dev.lockstep.platform.clock.SandboxClock;
import dev.lockstep.platform.phone.PhoneNumbers;
import dev.lockstep.platform.problem.ProblemException;
import dev.lockstep.sim.domain.FaultRule;
import dev.lockstep.sim.domain.Message;
import dev.lockstep.sim.domain.Phone;
import dev.lockstep.sim.domain.SimSetting;
import dev.lockstep.sim.rest.FaultRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import dev.lockstep.sim.config.SimConfig;

/** Fault rules, the sandbox seed, and the simulator's reset. */
@ApplicationScoped
public class FaultService {

    private static final Duration LONGEST_DELAY = Duration.ofDays(366);

    @Inject
    SandboxClock clock;

    @Inject
    SimConfig config;

    @Transactional
    public FaultRule add(FaultRequest request) {
        FaultRule rule = new FaultRule();
        rule.id = UUID.randomUUID().toString();
        rule.name = request.name();
        FaultRequest.Match match = request.match();
        if (match != null) {
            rule.matchNumber = match.number() != null ? PhoneNumbers.toE164(match.number()) : null;
            rule.matchPrefix = match.prefix();
            rule.matchCountry = match.country() != null ? match.country().toUpperCase(Locale.ROOT) : null;
            rule.matchCarrier = match.carrier();
            rule.matchChannel = match.channel();
            rule.matchKind = match.kind();
        }
        FaultRequest.Effect effect = request.effect();
        rule.effect = effect.type();
        if ("reject".equals(effect.type())) {
            rule.errorCode = effect.errorCode() != null ? effect.errorCode() : 30008;
        } else if (effect.errorCode() != null) {
            throw invalid("errorCode belongs to the reject effect only");
        }
        if ("delay".equals(effect.type())) {
            if (effect.delay() == null) {
                throw invalid("the delay effect needs delay, e.g. \"PT30S\" or \"P2D\"");
            }
            Duration min = duration(effect.delay(), "delay");
            Duration max = effect.delayMax() != null ? duration(effect.delayMax(), "delayMax") : null;
            if (max != null && max.compareTo(min) < 0) {
                throw invalid("delayMax must not be shorter than delay");
            }
            rule.delayMinMs = min.toMillis();
            rule.delayMaxMs = max != null ? max.toMillis() : null;
        } else if (effect.delay() != null || effect.delayMax() != null) {
            throw invalid("delay and delayMax belong to the delay effect only");
        }
        FaultRequest.Trigger trigger = request.trigger();
        if (trigger != null) {
            int kinds = (trigger.next() != null ? 1 : 0) + (trigger.everyNth() != null ? 1 : 0)
                    + (trigger.probability() != null ? 1 : 0);
            if (kinds > 1) {
                throw invalid("give at most one of next, everyNth, probability");
            }
            rule.triggerNext = trigger.next();
            rule.triggerEvery = trigger.everyNth();
            rule.triggerProbability = trigger.probability();
        }
        FaultRequest.Window window = request.window();
        if (window != null) {
            if (window.from() != null && window.until() != null && !window.from().isBefore(window.until())) {
                throw invalid("window.from must be before window.until");
            }
            rule.windowFrom = window.from();
            rule.windowUntil = window.until();
        }
        Integer last = FaultRule.find("select max(r.position) from FaultRule r").project(Integer.class).firstResult();
        rule.position = last != null ? last + 1 : 1;
        rule.createdAt = clock.instant();
        rule.persist();
        return rule;
    }

    public List<FaultRule> list() {
        return FaultRule.list("order by position");
    }

    /** The rules in evaluation order, locked so that counters stay exact. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<FaultRule> forEvaluation() {
        return FaultRule.<FaultRule>find("order by position").withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    @Transactional
    public void delete(String id) {
        if (!FaultRule.deleteById(id)) {
            throw ProblemException.notFound("fault-not-found", "No such fault rule");
        }
    }

    /** Removes every rule, message and phone: a clean simulator (the clock and the seed stay). */
    @Transactional
    public void reset() {
        FaultRule.deleteAll();
        Message.deleteAll();
        Phone.deleteAll();
    }

    public long seed() {
        SimSetting setting = SimSetting.findById(SimSetting.SEED);
        return setting != null ? setting.value : config.seed();
    }

    @Transactional
    public long setSeed(long seed) {
        SimSetting setting = SimSetting.findById(SimSetting.SEED);
        if (setting == null) {
            setting = new SimSetting();
            setting.name = SimSetting.SEED;
            setting.persist();
        }
        setting.value = seed;
        return seed;
    }

    private static Duration duration(String text, String field) {
        try {
            Duration d = Duration.parse(text);
            if (d.isNegative() || d.compareTo(LONGEST_DELAY) > 0) {
                throw invalid(field + " must be between PT0S and P366D");
            }
            return d;
        } catch (DateTimeParseException e) {
            throw invalid(field + " is not an ISO-8601 duration such as PT30S or P2D");
        }
    }

    private static ProblemException invalid(String title) {
        return ProblemException.badRequest("invalid-fault", title, null);
    }
}
