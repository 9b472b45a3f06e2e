package dev.lockstep.bench.compare;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** The comparison's summary: medians over the starts, spread, per vCPU, ratios, and the share of the hash rate. */
final class CompareReport {

    private record Sample(int start, LoginLoad.Round round, long rssKib, long readyMillis, double cpuMsPerLogin) {
    }

    private final int cores;
    private final double hashRate;
    /** By server, then client count. */
    private final Map<String, Map<Integer, List<Sample>>> samples = new LinkedHashMap<>();

    /** Lockstep's sign-ins with an SMS code at one start: rates, CPU per login, the code's delivery. */
    record SmsSample(double rateOneClient, double rateFourClients, double cpuMsPerLogin, double deliveryP50,
            double deliveryP99, double pacedRate, double pacedP50, double pacedP99) {
    }

    private final List<SmsSample> sms = new ArrayList<>();

    /** By server: the share of one core it used idle, at each start. */
    private final Map<String, List<Double>> idle = new LinkedHashMap<>();

    CompareReport(int cores, double hashRate) {
        this.cores = cores;
        this.hashRate = hashRate;
    }

    void add(String server, int start, LoginLoad.Round round, long rssKib, long readyMillis, double cpuMsPerLogin) {
        samples.computeIfAbsent(server, s -> new TreeMap<>()).computeIfAbsent(round.clients(), c -> new ArrayList<>())
                .add(new Sample(start, round, rssKib, readyMillis, cpuMsPerLogin));
    }

    void addSms(SmsSample sample) {
        sms.add(sample);
    }

    void addIdle(String server, double percentOfOneCore) {
        idle.computeIfAbsent(server, s -> new ArrayList<>()).add(percentOfOneCore);
    }

    void print(PrintStream out) {
        out.printf("Password logins, median over JVM starts (spread = (max - min) / median across starts)%n");
        out.printf("%-16s %7s %11s %9s %8s %9s %9s %11s %9s%n", "server", "clients", "logins/s", "per vCPU", "spread",
                "p50 ms", "p99 ms", "CPU/login", "RSS MiB");
        samples.forEach((server, byClients) -> byClients.forEach((clients, list) -> {
            List<Double> rates = list.stream().map(s -> s.round().loginsPerSecond()).sorted().toList();
            double median = median(rates);
            out.printf(Locale.ROOT, "%-16s %7d %11.1f %9.1f %7.0f%% %9.1f %9.1f %8.1f ms %9d%n", server, clients, median,
                    median / cores, 100 * (rates.get(rates.size() - 1) - rates.get(0)) / median,
                    median(list.stream().map(s -> s.round().ms(50)).sorted().toList()),
                    median(list.stream().map(s -> s.round().ms(99)).sorted().toList()),
                    median(list.stream().map(Sample::cpuMsPerLogin).sorted().toList()),
                    (long) median(list.stream().map(s -> s.rssKib() / 1024.0).sorted().toList()));
        }));
        out.println();
        samples.forEach((server, byClients) -> {
            List<Sample> perStart = byClients.values().iterator().next();
            double first = perStart.stream().filter(s -> s.start() == 1).mapToDouble(s -> s.readyMillis() / 1000.0)
                    .findFirst().orElse(Double.NaN);
            List<Double> restarts = perStart.stream().filter(s -> s.start() > 1).map(s -> s.readyMillis() / 1000.0).sorted()
                    .toList();
            double best = byClients.values().stream().mapToDouble(list -> median(list.stream()
                    .map(s -> s.round().loginsPerSecond()).sorted().toList())).max().orElse(0);
            out.printf(Locale.ROOT, "%-16s ready in %.1f s at the first start, %s at restarts; best median %.1f logins/s = "
                    + "%.0f %% of the bare hash rate (%.1f/s)%n", server, first,
                    restarts.isEmpty() ? "none"
                            : String.format(Locale.ROOT, "median %.1f s (%.1f-%.1f)", median(restarts),
                                    restarts.get(0), restarts.get(restarts.size() - 1)),
                    best, 100 * best / hashRate, hashRate);
        });
        idle.forEach((server, shares) -> out.printf(Locale.ROOT, "%-16s idle after the load: median %.1f %% of one core "
                + "(%.1f-%.1f %%)%n", server, median(shares.stream().sorted().toList()),
                shares.stream().mapToDouble(Double::doubleValue).min().orElse(0),
                shares.stream().mapToDouble(Double::doubleValue).max().orElse(0)));
        if (!sms.isEmpty()) {
            double atFour = median(sms.stream().map(SmsSample::rateFourClients).sorted().toList());
            List<Sample> passwordAtFour = samples.getOrDefault("Lockstep", Map.of()).get(4);
            out.printf(Locale.ROOT,
                    "Lockstep         SMS-code logins, medians over the starts: %.1f logins/s at 1 client, %.1f at 4%s; "
                            + "CPU per login %.1f ms; code delivery p50 %.1f ms, p99 %.1f ms at 1 client; paced at %.0f/s: %.1f done a "
                            + "second, delivery p50 %.1f ms, p99 %.1f ms%n",
                    median(sms.stream().map(SmsSample::rateOneClient).sorted().toList()), atFour,
                    passwordAtFour == null ? ""
                            : String.format(Locale.ROOT, " (%.0f %% of the password-only rate at 4)",
                                    100 * atFour / medianRate(passwordAtFour)),
                    median(sms.stream().map(SmsSample::cpuMsPerLogin).sorted().toList()),
                    median(sms.stream().map(SmsSample::deliveryP50).sorted().toList()),
                    median(sms.stream().map(SmsSample::deliveryP99).sorted().toList()), SmsCodeRounds.PACED_PER_SECOND,
                    median(sms.stream().map(SmsSample::pacedRate).sorted().toList()),
                    median(sms.stream().map(SmsSample::pacedP50).sorted().toList()),
                    median(sms.stream().map(SmsSample::pacedP99).sorted().toList()));
        }
        if (samples.size() == 2) {
            List<String> servers = new ArrayList<>(samples.keySet());
            Map<Integer, List<Sample>> first = samples.get(servers.get(0));
            Map<Integer, List<Sample>> second = samples.get(servers.get(1));
            out.printf("%nRatio %s / %s, median logins/s:", servers.get(1), servers.get(0));
            first.keySet().stream().filter(second::containsKey)
                    .forEach(clients -> out.printf(Locale.ROOT, "  %d client%s %.2f×",
                            clients, clients == 1 ? "" : "s",
                            medianRate(second.get(clients)) / medianRate(first.get(clients))));
            out.println();
        }
    }

    private static double medianRate(List<Sample> list) {
        return median(list.stream().map(s -> s.round().loginsPerSecond()).sorted().toList());
    }

    /** The median of values already in ascending order (the plot shares it). */
    static double median(List<Double> sorted) {
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
