package dev.lockstep.auth.service;

import dev.lockstep.auth.domain.Account;
import dev.lockstep.auth.domain.Device;
import dev.lockstep.auth.domain.GeoIp;
import dev.lockstep.auth.domain.LoginAttempt;
import dev.lockstep.auth.domain.PhoneRisk;
import dev.lockstep.auth.domain.RiskPolicy;
import dev.lockstep.platform.clock.SandboxClock;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Weighs each login attempt's risk from its client context and the account's history (Cognito's
 * adaptive authentication with Lockstep's signals) and says what to do; {@link LoginAttempts} keeps
 * the attempt. The policy is {@link RiskSettings}'; off until an operator turns it on.
 */
@ApplicationScoped
public class RiskEngine {

    /** The outcomes of an attempt with a wrong password or an unknown name. */
    private static final List<String> FAILED = List.of("wrong-password", "unknown-user");

    /** Who is knocking: the first {@code X-Forwarded-For} address, the user agent, the device id. */
    public record Client(String ip, String userAgent, String deviceKey) {

        public static final Client UNKNOWN = new Client(null, null, null);
    }

    /** The assessment of one attempt and the attempt's record. */
    public record Verdict(RiskPolicy.Assessment assessment, GeoIp.Location location) {
    }

    private final SandboxClock clock;

    private final RiskSettings settings;

    public RiskEngine(SandboxClock clock, RiskSettings settings) {
        this.clock = clock;
        this.settings = settings;
    }

    /**
     * Weighs an attempt on a known account. {@code passwordOk}: the password was right (only then is
     * the compromised list consulted and the action applied by the caller).
     */
    public Verdict assess(Account account, Client client, String password, boolean passwordOk) {
        RiskPolicy policy = settings.policy();
        Optional<GeoIp.Location> location = GeoIp.locate(policy.geoip(), client.ip());
        if (!policy.enabled()) {
            return new Verdict(RiskPolicy.Assessment.NONE, location.orElse(null));
        }
        Instant now = clock.instant();
        Set<String> fired = new HashSet<>();
        // The same queries run for an unknown username (with a name no account has): a refused login
        // must not take longer because the account exists.
        String accountId = account != null ? account.id : "";
        String username = account != null ? account.username : "";
        List<PastSuccess> successes = latestSuccesses(accountId);
        if (client.deviceKey() != null && !successes.isEmpty() && Device.of(accountId, client.deviceKey()).isEmpty()) {
            fired.add("new-device");
        }
        if (location.isPresent()) {
            GeoIp.Location here = location.get();
            boolean anyCountry = successes.stream().anyMatch(a -> a.country() != null);
            if (anyCountry && successes.stream().noneMatch(a -> here.country().equals(a.country()))) {
                fired.add("new-country");
            }
            successes.stream().filter(a -> a.latitude() != null).findFirst().ifPresent(last -> {
                double km = GeoIp.distanceKm(last.latitude(), last.longitude(), here.latitude(), here.longitude());
                double hours = Math.max(Duration.between(last.at(), now).toSeconds(), 60) / 3600.0;
                if (km > 500 && km / hours > policy.impossibleTravelKmh()) {
                    fired.add("impossible-travel");
                }
            });
        }
        if (client.ip() != null
                && failedUsernamesFrom(client.ip(), now.minus(policy.stuffingWindow())) >= policy.stuffingAccounts()) {
            fired.add("credential-stuffing");
        }
        if (client.deviceKey() != null) {
            Set<String> onDevice = usernamesOnDevice(client.deviceKey(), now.minus(policy.deviceWindow()));
            if (onDevice.size() + (onDevice.contains(username) ? 0 : 1) >= policy.deviceAccounts()) {
                fired.add("device-many-accounts");
            }
        }
        PhoneRisk phone = PhoneRisk.findById(account != null && account.phone != null ? account.phone : "");
        if (phone != null && !"active".equals(phone.sim) && phone.changedAt.isAfter(now.minus(policy.simSwapWindow()))) {
            fired.add("sim-swap");
        }
        if (passwordOk && password != null && policy.compromisedPasswordSha256().contains(RiskSettings.sha256(password))) {
            fired.add("compromised-password");
        }
        return new Verdict(policy.assess(fired), location.orElse(null));
    }

    /** Where and when a right password was given before. */
    private record PastSuccess(String country, Double latitude, Double longitude, Instant at) {
    }

    /**
     * The account's latest 50 right passwords, newest first: only the columns the signals read, so that
     * no attempt becomes an entity in the login's persistence context (where each of the 50 would be
     * checked for changes at the commit).
     */
    private static List<PastSuccess> latestSuccesses(String accountId) {
        return LoginAttempt.getEntityManager().createQuery("select a.country, a.latitude, a.longitude, a.at"
                + " from LoginAttempt a where a.accountId = ?1 and a.outcome = 'password-ok' order by a.at desc, a.id desc",
                Object[].class).setParameter(1, accountId).setMaxResults(50).getResultStream()
                .map(row -> new PastSuccess((String) row[0], (Double) row[1], (Double) row[2], (Instant) row[3])).toList();
    }

    /**
     * Distinct usernames among the latest 200 failed attempts from one address since {@code since}:
     * one range of the (ip, outcome, at) index per failure outcome, so that the work is bounded by
     * the failures however many right passwords the address sends (H2 does not range an index over
     * an {@code IN} list); enough for thresholds far below 200.
     */
    private static long failedUsernamesFrom(String ip, Instant since) {
        List<Object[]> latest = new ArrayList<>();
        for (String outcome : FAILED) {
            latest.addAll(LoginAttempt.getEntityManager().createQuery("select a.username, a.at from LoginAttempt a"
                    + " where a.ip = ?1 and a.outcome = ?2 and a.at >= ?3 order by a.at desc", Object[].class)
                    .setParameter(1, ip).setParameter(2, outcome).setParameter(3, since).setMaxResults(200)
                    .getResultList());
        }
        return latest.stream().sorted(Comparator.comparing((Object[] row) -> (Instant) row[1]).reversed())
                .limit(200).map(row -> row[0]).distinct().count();
    }

    /**
     * The usernames among the latest 200 attempts on one device since {@code since}: one bounded range of
     * the (device_key, at) index, which also answers whether this username tried the device before. (A
     * separate count of this username's attempts read every attempt on the device in the window: a test
     * suite that sends one deviceId for every login paid for all of them on each login.)
     */
    private static Set<String> usernamesOnDevice(String deviceKey, Instant since) {
        return new HashSet<>(LoginAttempt.getEntityManager().createQuery("select a.username from LoginAttempt a"
                + " where a.deviceKey = ?1 and a.at >= ?2 order by a.at desc", String.class)
                .setParameter(1, deviceKey).setParameter(2, since).setMaxResults(200).getResultList());
    }

}
