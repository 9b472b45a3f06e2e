package dev.lockstep.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The options of {@code ./lockstep up}, read into {@link SandboxOptions}. Bad input is a
 * {@link UsageException} whose message says what is wrong; the launcher prints it and exits with 2
 * before anything starts. {@code LOCKSTEP_PORT_BASE} in the environment is {@code --port-base}'s default.
 */
final class UpArguments {

    final SandboxOptions options;
    final Path scenario;
    final boolean empty;

    private UpArguments(SandboxOptions options, Path scenario, boolean empty) {
        this.options = options;
        this.scenario = scenario;
        this.empty = empty;
    }

    static UpArguments parse(String[] args, Path home, Map<String, String> environment) {
        SandboxOptions options = new SandboxOptions().home(home);
        String base = environment.get("LOCKSTEP_PORT_BASE");
        if (base != null && !base.isBlank()) {
            portBase(options, "LOCKSTEP_PORT_BASE", base);
        }
        Path scenario = null;
        boolean empty = false;
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (option.equals("--empty")) {
                empty = true;
                continue;
            }
            if (i + 1 >= args.length) {
                throw new UsageException(option + " needs a value");
            }
            String value = args[++i];
            switch (option) {
                case "--data-dir" -> options.dataDir(Path.of(value));
                case "--port-base" -> portBase(options, option, value);
                case "--http-port-base" -> options.httpPortBase(port(option, value, 65535 - 364));
                case "--kafka-port" -> options.kafkaPort(port(option, value, 65534));
                case "--db" -> options.database(database(value));
                case "--postgres-port" -> options.postgresPort(port(option, value, 65535));
                case "--scenario" -> scenario = Path.of(value);
                case "--otlp-endpoint" -> options.otlpEndpoint(value);
                default -> throw new UsageException("unknown option " + option);
            }
        }
        if (scenario != null && !Files.isReadable(scenario)) {
            throw new UsageException("no scenario file at " + scenario);
        }
        if (scenario != null && empty) {
            throw new UsageException("--scenario and --empty do not go together (a scenario sets up accounts)");
        }
        return new UpArguments(options, scenario, empty);
    }

    private static void portBase(SandboxOptions options, String option, String value) {
        int base = port(option, value, 65535);
        try {
            options.portBase(base);
        } catch (IllegalArgumentException e) {
            throw new UsageException(option + " " + value + ": " + e.getMessage());
        }
    }

    /** A TCP port a user may listen on: 1024 up to {@code max}. */
    static int port(String option, String value, int max) {
        int port;
        try {
            port = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new UsageException(option + " needs a port number, not '" + value + "'");
        }
        if (port < 1024 || port > max) {
            throw new UsageException(option + " " + value + ": a port from 1024 to " + max);
        }
        return port;
    }

    private static SandboxOptions.Database database(String value) {
        try {
            return SandboxOptions.Database.parse(value);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** Bad input on the command line: what is wrong, in words. */
    static final class UsageException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }
}
