package dev.lockstep.otp.service;

import dev.lockstep.contracts.http.CodePolicyView;
import dev.lockstep.otp.config.OtpConfig;
import dev.lockstep.otp.domain.CodePolicy;
import dev.lockstep.otp.domain.Factor;
import dev.lockstep.otp.domain.IssuedCode;
import dev.lockstep.otp.domain.PolicySetting;
import dev.lockstep.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Code policies: per channel, for one account, else for the sandbox, else from the configuration
 * ({@code lockstep.otp.sms.*}). Operators set them from a preset, field by field, or both.
 */
@ApplicationScoped
public class CodePolicies {

    /** What an operator sends: a preset, and/or fields that override it (or the policy in force). */
    public record Change(String preset, Integer digits, String lifetime, Integer maxAttempts, Integer maxSends,
            String resendCooldown, String resendMode) {
    }

    private final OtpConfig config;

    public CodePolicies(OtpConfig config) {
        this.config = config;
    }

    /** The policy in force for an account on a channel. */
    public CodePolicy effective(String accountId, String channel) {
        return setting(accountId, channel).map(PolicySetting::policy).orElseGet(() -> sandbox(channel));
    }

    /** The policy a login challenge's codes go by: their channel's (SMS before any code went out). */
    public CodePolicy ofChallenge(String accountId, String challengeId) {
        List<IssuedCode> sent = IssuedCode.ofChallenge(challengeId);
        return effective(accountId, sent.isEmpty() ? "sms" : sent.get(0).channel);
    }

    public CodePolicyView view(String scope, String channel) {
        PolicySetting own = PolicySetting.findById(new PolicySetting.Key(scope, channel));
        CodePolicy policy = own != null ? own.policy()
                : PolicySetting.SANDBOX.equals(scope) ? sandbox(channel) : effective(scope, channel);
        String preset = own != null ? own.preset : null;
        return view(channel, preset, policy);
    }

    public static CodePolicyView view(String channel, String preset, CodePolicy p) {
        return new CodePolicyView(channel, preset, p.digits(), p.lifetime().toString(), p.maxAttempts(), p.maxSends(),
                p.resendCooldown().toString(), p.resendMode().name().toLowerCase(Locale.ROOT).replace('_', '-'));
    }

    /** Sets the policy of a scope ({@code sandbox} or an account id) on a channel. */
    @Transactional
    public CodePolicyView set(String scope, String channel, Change change) {
        if (!PolicySetting.SANDBOX.equals(scope)) {
            Factor.requireKnownAccount(scope);
        }
        CodePolicy base;
        if (change.preset() != null) {
            base = CodePolicy.preset(change.preset()).orElseThrow(() -> invalid(
                    "preset must be one of " + String.join(", ", new TreeSet<>(CodePolicy.PRESETS.keySet()))));
        } else {
            base = PolicySetting.SANDBOX.equals(scope) ? sandbox(channel) : effective(scope, channel);
        }
        CodePolicy policy = new CodePolicy(
                change.digits() != null ? change.digits() : base.digits(),
                change.lifetime() != null ? duration(change.lifetime(), "lifetime") : base.lifetime(),
                change.maxAttempts() != null ? change.maxAttempts() : base.maxAttempts(),
                change.maxSends() != null ? change.maxSends() : base.maxSends(),
                change.resendCooldown() != null ? duration(change.resendCooldown(), "resendCooldown") : base.resendCooldown(),
                change.resendMode() != null ? mode(change.resendMode()) : base.resendMode());
        String problem = policy.problem();
        if (problem != null) {
            throw invalid(problem);
        }
        PolicySetting setting = PolicySetting.findById(new PolicySetting.Key(scope, channel));
        if (setting == null) {
            setting = new PolicySetting();
            setting.scope = scope;
            setting.channel = channel;
            setting.set(policy, change.preset());
            setting.persist();
        } else {
            setting.set(policy, change.preset());
        }
        return view(channel, change.preset(), policy);
    }

    /** Removes a scope's policy on a channel: the next one out applies again. */
    @Transactional
    public void clear(String scope, String channel) {
        if (!PolicySetting.deleteById(new PolicySetting.Key(scope, channel))) {
            throw ProblemException.notFound("code-policy-not-found", "No code policy is set here for this channel");
        }
    }

    private Optional<PolicySetting> setting(String accountId, String channel) {
        PolicySetting own = PolicySetting.findById(new PolicySetting.Key(accountId, channel));
        if (own != null) {
            return Optional.of(own);
        }
        return Optional.ofNullable(PolicySetting.findById(new PolicySetting.Key(PolicySetting.SANDBOX, channel)));
    }

    /** The sandbox's policy on a channel: set by an operator, else the configuration. */
    private CodePolicy sandbox(String channel) {
        PolicySetting set = PolicySetting.findById(new PolicySetting.Key(PolicySetting.SANDBOX, channel));
        if (set != null) {
            return set.policy();
        }
        OtpConfig.Sms sms = config.sms();
        return new CodePolicy(sms.digits(), sms.lifetime(), sms.maxAttempts(), sms.maxSends(), sms.resendCooldown(),
                mode(sms.resendMode()));
    }

    private static CodePolicy.ResendMode mode(String text) {
        return switch (text) {
            case "new-code" -> CodePolicy.ResendMode.NEW_CODE;
            case "same-code" -> CodePolicy.ResendMode.SAME_CODE;
            default -> throw invalid("resendMode must be new-code or same-code");
        };
    }

    private static Duration duration(String text, String field) {
        try {
            return Duration.parse(text);
        } catch (DateTimeParseException e) {
            throw invalid(field + " is not an ISO-8601 duration such as PT10M");
        }
    }

    private static ProblemException invalid(String title) {
        return ProblemException.badRequest("invalid-code-policy", title, null);
    }
}
