package dev.lockstep.bench.compare;

import dev.lockstep.bench.Percentiles;
import dev.lockstep.bench.SmsCodeLogin;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Sign-ins with an SMS code on Lockstep, each on a handset of its own ({@link SmsCodeLogin}): in a
 * closed loop (each client signs in again as soon as it is done), or paced (a sign-in starts every
 * {@code 1 / rate} seconds on a handset that is free, whatever the ones before are doing).
 */
final class SmsCodeLoad {

    /** A round: sign-ins completed, over how long, the codes' delivery times, and paced starts that found no free handset. */
    record Round(int logins, double seconds, Percentiles delivery, int missed) {

        double loginsPerSecond() {
            return logins / seconds;
        }
    }

    private SmsCodeLoad() {
    }

    /** {@code clients} loops, client {@code c} on {@code handsets[c]}, for {@code seconds}. */
    static Round closedLoop(List<SmsCodeLogin.Handset> handsets, int clients, double seconds) throws Exception {
        ClosedLoop.Outcome<SmsCodeLogin.Sample> outcome = ClosedLoop.run(clients, seconds, c -> handsets.get(c)::signIn);
        return round(outcome.results(), outcome.seconds(), 0);
    }

    /** A sign-in started every {@code 1 / perSecond} s for {@code seconds}, each on a handset that is free then. */
    static Round paced(List<SmsCodeLogin.Handset> handsets, double perSecond, double seconds) throws Exception {
        LinkedBlockingQueue<SmsCodeLogin.Handset> free = new LinkedBlockingQueue<>(handsets);
        Queue<SmsCodeLogin.Sample> samples = new ConcurrentLinkedQueue<>();
        AtomicInteger missed = new AtomicInteger();
        AtomicReference<Exception> failure = new AtomicReference<>();
        ExecutorService workers = Executors.newCachedThreadPool();
        ScheduledExecutorService ticks = Executors.newSingleThreadScheduledExecutor();
        ticks.scheduleAtFixedRate(() -> {
            SmsCodeLogin.Handset handset = free.poll();
            if (handset == null) {
                missed.incrementAndGet();
                return;
            }
            workers.submit(() -> {
                try {
                    samples.add(handset.signIn());
                } catch (Exception e) {
                    failure.compareAndSet(null, e);
                } finally {
                    free.add(handset);
                }
            });
        }, 0, (long) (1e9 / perSecond), TimeUnit.NANOSECONDS);
        try {
            ticks.awaitTermination((long) (seconds * 1000), TimeUnit.MILLISECONDS); // the pacing runs meanwhile
        } finally {
            ticks.shutdownNow();
        }
        workers.shutdown();
        workers.awaitTermination(30, TimeUnit.SECONDS);
        if (failure.get() != null) {
            throw failure.get();
        }
        return round(new ArrayList<>(samples), seconds, missed.get());
    }

    private static Round round(List<SmsCodeLogin.Sample> samples, double seconds, int missed) {
        return new Round(samples.size(), seconds,
                new Percentiles(samples.stream().mapToLong(SmsCodeLogin.Sample::deliveryNanos).toArray()), missed);
    }
}
