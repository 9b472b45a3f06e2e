package dev.lockstep.bench;

import java.util.Arrays;

/** Nearest-rank percentiles of a sample of durations in nanoseconds, shown in milliseconds. */
public final class Percentiles {

    private final long[] sorted;

    public Percentiles(long[] nanos) {
        this.sorted = nanos.clone();
        Arrays.sort(sorted);
    }

    public double ms(double percentile) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(percentile / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1_000_000.0;
    }

    /** For sub-millisecond figures. */
    String fineLine() {
        return String.format("p50 %6.3f ms  p90 %6.3f ms  p99 %6.3f ms  max %6.3f ms", ms(50), ms(90), ms(99), ms(100));
    }

    String line() {
        return String.format("p50 %7.1f ms   p90 %7.1f ms   p99 %7.1f ms   max %7.1f ms", ms(50), ms(90), ms(99), ms(100));
    }
}
