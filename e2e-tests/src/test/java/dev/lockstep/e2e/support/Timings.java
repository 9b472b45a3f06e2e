package dev.lockstep.e2e.support;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;

/**
 * Answer times of two kinds of request, sampled in alternation so that the machine's drift hits
 * both alike, and compared by the probability of superiority: the chance that a request of the first
 * kind takes longer than one of the second (the Mann-Whitney U statistic over n·m; 0.5 when neither
 * kind is slower, near 0 or 1 when one of them does work the other skips).
 */
public final class Timings {

    public final List<Long> first = new ArrayList<>();
    public final List<Long> second = new ArrayList<>();

    /** Times {@code samples} pairs after {@code warmUp} unrecorded ones, alternating which goes first. */
    public static Timings sample(int warmUp, int samples, Supplier<?> firstKind, Supplier<?> secondKind) {
        Timings timings = new Timings();
        for (int i = 0; i < warmUp + samples; i++) {
            boolean firstFirst = i % 2 == 0;
            long a = firstFirst ? nanos(firstKind) : 0;
            long b = nanos(secondKind);
            if (!firstFirst) {
                a = nanos(firstKind);
            }
            if (i >= warmUp) {
                timings.first.add(a);
                timings.second.add(b);
            }
        }
        return timings;
    }

    private static long nanos(Supplier<?> request) {
        long start = System.nanoTime();
        request.get();
        return System.nanoTime() - start;
    }

    /** P(a first-kind time exceeds a second-kind time), ties counting half. */
    public double superiority() {
        double wins = 0;
        for (long a : first) {
            for (long b : second) {
                wins += a > b ? 1 : a == b ? 0.5 : 0;
            }
        }
        return wins / ((double) first.size() * second.size());
    }

    public static double medianMillis(List<Long> nanos) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        int n = sorted.size();
        double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
        return median / 1e6;
    }

    @Override
    public String toString() {
        return String.format("median %.1f ms against %.1f ms, P(first slower) = %.2f over %d pairs",
                medianMillis(first), medianMillis(second), superiority(), first.size());
    }
}
