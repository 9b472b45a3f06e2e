package dev.lockstep.bench.compare;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** CPU a server's processes used between two readings of {@link LoginTarget#cpu()}: in all, and by process. */
record CpuSpent(Map<String, Duration> byProcess) {

    static CpuSpent between(Map<String, Duration> before, Map<String, Duration> after) {
        Map<String, Duration> spent = new LinkedHashMap<>();
        after.forEach((process, used) -> spent.put(process, used.minus(before.getOrDefault(process, Duration.ZERO))));
        return new CpuSpent(spent);
    }

    double totalMillis() {
        return byProcess.values().stream().mapToLong(Duration::toMillis).sum();
    }

    /** Each process's CPU divided by {@code per}, in milliseconds: "auth-service 21.3, kafka 5.1". */
    String millisEach(double per) {
        return byProcess.entrySet().stream()
                .map(e -> String.format(Locale.ROOT, "%s %.1f", e.getKey(), e.getValue().toMillis() / per))
                .collect(Collectors.joining(", "));
    }
}
