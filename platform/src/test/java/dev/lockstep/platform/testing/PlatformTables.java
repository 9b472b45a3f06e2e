package dev.lockstep.platform.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.flywaydb.core.api.MigrationVersion;

/**
 * The tables platform defines in its own migrations ({@code db/platform}): from 3.0 on, a service's
 * migrations neither create nor change them, so each has one definition.
 */
public final class PlatformTables {

    public static final List<String> TABLES = List.of("audit_entry", "runtime_setting", "outbox_event",
            "processed_event");

    private static final MigrationVersion OWNED_SINCE = MigrationVersion.fromVersion("3.0");

    private static final Pattern VERSIONED = Pattern.compile("V([0-9_.]+)__.*\\.sql");

    private PlatformTables() {
    }

    /**
     * The migrations on the class path under {@code location} (a service's is {@code db/migration}),
     * numbered 3.0 or later, that name one of platform's tables.
     */
    public static List<String> namedByMigrationsIn(String location) {
        URL folder = Thread.currentThread().getContextClassLoader().getResource(location);
        if (folder == null) {
            throw new IllegalStateException("no migrations at " + location);
        }
        try (Stream<Path> scripts = Files.list(Path.of(folder.toURI()))) {
            return scripts.filter(PlatformTables::ownedPeriod).filter(PlatformTables::namesATable)
                    .map(script -> script.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean ownedPeriod(Path script) {
        Matcher name = VERSIONED.matcher(script.getFileName().toString());
        return name.matches() && MigrationVersion.fromVersion(name.group(1).replace('_', '.')).compareTo(OWNED_SINCE) >= 0;
    }

    private static boolean namesATable(Path script) {
        try {
            String sql = Files.readString(script).toLowerCase(Locale.ROOT);
            return TABLES.stream().anyMatch(table -> Pattern.compile("\\b" + table + "\\b").matcher(sql).find());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
