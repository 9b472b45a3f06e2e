package dev.lockstep.bench.compare;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** An identity provider the comparison starts, fills with users, signs in to with passwords, measures and stops. */
public interface LoginTarget extends AutoCloseable {

    /** How the tables name it. */
    String name();

    /** Starts it (a fresh JVM) and returns once it answers. */
    void start() throws Exception;

    /** Milliseconds from launch to ready, of the last start. */
    long readyMillis();

    /** Makes sure {@code count} users with {@code password} exist (kept between starts); their names. */
    List<String> users(int count, String password) throws Exception;

    /** One password login; the HTTP status (200 when it signed in). */
    int login(String username, String password) throws Exception;

    /** The CPU time each of its processes has used since it was launched, by process. */
    Map<String, Duration> cpu() throws Exception;

    /** Resident memory of every process it runs, in KiB. */
    long rssKib() throws Exception;

    /** Stops it; its data stays for the next start. */
    @Override
    void close() throws Exception;
}
