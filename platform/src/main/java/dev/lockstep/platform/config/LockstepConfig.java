package dev.lockstep.platform.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Settings every Lockstep service shares ({@code lockstep.*}). */
@ConfigMapping(prefix = "lockstep")
public interface LockstepConfig {

    /** This service's name; events carry {@code /lockstep/<name>} as their CloudEvents source. */
    String serviceName();

    /** Folder of the service's H2 database file (used in the default JDBC URL). */
    @WithDefault("./data")
    String dataDir();

    /** The admin API's credentials. */
    Admin admin();

    /** Credentials for service-to-service calls. */
    Internal internal();

    /** The transactional outbox relay. */
    Outbox outbox();

    /** HTTP limits. */
    Http http();

    /** What {@code POST /v1/admin/reset} empties. */
    Reset reset();

    /** One-time codes. */
    Codes codes();

    /** How long rows that pile up are kept, on the sandbox clock. */
    Retention retention();

    /** OpenTelemetry traces. */
    Traces traces();

    /** The H2 file database's upkeep. */
    H2 h2();

    /** The sandbox clock. */
    Clock clock();

    /** Work that falls due on the sandbox clock ({@code ClockTimer}). */
    Timers timers();

    interface Timers {
        /**
         * The longest a timer sleeps without looking for due work: it is woken when work is scheduled and
         * when the clock changes, so this only matters for work another instance on the same database
         * scheduled and did not do (it stopped).
         */
        @WithDefault("15s")
        Duration maxPause();
    }

    interface H2 {
        /** How often (real time) the file's chunks are compacted, when the data lives in an H2 file. */
        @WithDefault("10s")
        Duration compactionInterval();
    }

    interface Clock {
        /** At most how long a starting service waits to read the clock's topic to its end. */
        @WithDefault("20s")
        Duration startupWait();
    }

    interface Traces {
        /**
         * Whether HTTP-server, Kafka and JDBC spans are made and the outbox keeps trace context: off by
         * default; on (with {@code quarkus.otel.sdk.disabled=false} and an OTLP endpoint) the spans are
         * exported.
         */
        @WithDefault("false")
        boolean enabled();
    }

    interface Retention {
        /** How often (real time) the rules run. */
        @WithDefault("1m")
        Duration interval();

        /** By table: the column that dates a row (on the sandbox clock) and how long a row is kept. */
        Map<String, Rule> rules();

        interface Rule {
            /** A timestamp column of the table, set from the sandbox clock. */
            String column();

            /** Rows whose {@link #column()} lies further back than this are removed. */
            Duration keep();

            /**
             * Columns ({@code table.column}) that refer to this table's {@code id}: a row stays while one of
             * them still names it, however old it is (a session while its refresh tokens are kept). Rules
             * with these run after the others.
             */
            Optional<List<String>> keptWhileReferencedBy();

            /**
             * The table whose rows this table's rows belong to: a row stays while the row it belongs to is
             * there, however old it is (a recovery case's history while the case is kept). Rules with a
             * parent run after the others.
             */
            Optional<Parent> parent();

            interface Parent {
                /** The parent table; its key column is {@code id}. */
                String table();

                /** This table's column holding the parent's {@code id}. */
                String key();
            }
        }
    }

    interface Codes {
        /**
         * Whether this service serves {@code /v1/admin/code-seed} (seeded codes for replays); read when
         * the service is built: true in the services that send codes.
         */
        @WithDefault("false")
        boolean seedable();
    }

    interface Reset {
        /**
         * The service's tables to empty, children before parents (the outbox included; signing keys,
         * service secrets and the ids of handled events stay).
         */
        Optional<List<String>> tables();
    }

    interface Admin {
        /** Bearer token the admin API demands; no default outside dev and test. */
        String token();
    }

    interface Internal {
        /** Bearer token that services present to each other's internal API. */
        String token();
    }

    interface Outbox {
        /**
         * How often the relay looks for unpublished events when nothing woke it: a commit that wrote one
         * wakes it, so this only finds rows another instance on the same database left behind.
         */
        @WithDefault("10s")
        Duration pollInterval();

        /** How long the relay waits for the broker to acknowledge one event before retrying. */
        @WithDefault("10s")
        Duration sendTimeout();

        /** Events published per round. */
        @WithDefault("100")
        int batchSize();

        /** Longest pause between retries while the broker is unreachable. */
        @WithDefault("5s")
        Duration maxBackoff();
    }

    interface Http {
        /** Largest request body accepted, in bytes; larger ones get a 413 problem. */
        @WithDefault("16384")
        long maxBodyBytes();
    }
}
