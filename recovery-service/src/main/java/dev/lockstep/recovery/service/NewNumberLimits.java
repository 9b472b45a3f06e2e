package dev.lockstep.recovery.service;

import dev.lockstep.platform.audit.AuditTrail;
import dev.lockstep.platform.clock.SandboxClock;
import dev.lockstep.platform.problem.ProblemException;
import dev.lockstep.recovery.config.RecoveryConfig;
import dev.lockstep.recovery.domain.NewNumber;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How many different new numbers a recovery may be asked to send codes to: at most so many per account
 * name in a day and per caller address in an hour (sandbox clock), as a real provider bounds SMS
 * pumping. Counted for the name as typed, whether or not an account has it, and before the account is
 * looked up, so a refusal is the same for known and unknown names. A number already named in the
 * window is not new. Each refusal is audited.
 */
@ApplicationScoped
public class NewNumberLimits {

    static final Duration PER_NAME_WINDOW = Duration.ofDays(1);
    static final Duration PER_ADDRESS_WINDOW = Duration.ofHours(1);

    private final RecoveryConfig config;

    private final SandboxClock clock;

    private final AuditTrail audit;

    public NewNumberLimits(RecoveryConfig config, SandboxClock clock, AuditTrail audit) {
        this.config = config;
        this.clock = clock;
        this.audit = audit;
    }

    /**
     * Records that {@code username} asked, from {@code address}, for a code to {@code number} (E.164),
     * or refuses with 429 and {@code Retry-After} when that would pass a bound. Commits on its own: the
     * attempt counts whatever the start answers next.
     */
    public void admit(String username, String number, String address) {
        String name = username.toLowerCase(Locale.ROOT);
        QuarkusTransaction.requiringNew().run(() -> {
            Instant now = clock.instant();
            refuseIfPast("username", name, number, now.minus(PER_NAME_WINDOW), PER_NAME_WINDOW,
                    config.maxNewNumbersPerAccount(), "new numbers a day for one account", name, address);
            if (address != null) {
                refuseIfPast("address", address, number, now.minus(PER_ADDRESS_WINDOW), PER_ADDRESS_WINDOW,
                        config.maxNewNumbersPerAddress(), "new numbers an hour from one address", name, address);
            }
            NewNumber asked = new NewNumber();
            asked.username = name;
            asked.number = number;
            asked.address = address;
            asked.at = now;
            asked.persist();
        });
    }

    private void refuseIfPast(String column, String value, String number, Instant since, Duration window, int max,
            String what, String name, String address) {
        List<NewNumber> named = NewNumber.list(column + " = ?1 and at > ?2 order by at", value, since);
        if (named.stream().anyMatch(n -> n.number.equals(number))) {
            return;
        }
        // When each number counted was named last; the bound frees up once enough of them leave the window.
        List<Instant> lastNamed = named.stream().collect(Collectors.toMap(n -> n.number, n -> n.at,
                (a, b) -> a.isAfter(b) ? a : b)).values().stream().sorted().toList();
        if (lastNamed.size() < max) {
            return;
        }
        Instant frees = lastNamed.get(lastNamed.size() - max).plus(window);
        long retryAfter = Math.max(1, Duration.between(clock.instant(), frees).toSeconds());
        String target = name.length() > 128 ? name.substring(0, 128) : name; // the audit's target column
        QuarkusTransaction.requiringNew().run(() -> audit.record("owner", "recovery.new-number-refused", target,
                "at most " + max + " " + what + (address != null ? " (from " + address + ")" : "")));
        throw new ProblemException(429, "new-number-limit-reached", "No codes to another new number for now",
                "At most " + max + " " + what + "; try again later, or use a number already given.")
                .header("Retry-After", String.valueOf(retryAfter));
    }
}
