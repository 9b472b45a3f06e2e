package dev.lockstep.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's configuration snippets are taken from files that run in the test suite: a code block
 * after {@code <!-- from PATH -->} shows lines of that file, in its order ({@code // …} marks a gap).
 */
class ReadmeSnippetsTest {

    private static final Path HOME = Path.of(System.getProperty("lockstep.home", ".."));
    private static final Pattern SNIPPET = Pattern.compile("<!-- from (\\S+) -->\\n```[a-z]*\\n(.*?)```", Pattern.DOTALL);

    @Test
    void everySnippetIsTakenFromTheFileItNames() throws IOException {
        String readme = Files.readString(HOME.resolve("README.md"));
        Matcher snippet = SNIPPET.matcher(readme);
        int checked = 0;
        while (snippet.find()) {
            Path source = HOME.resolve(snippet.group(1));
            assertTrue(Files.isRegularFile(source), "the README quotes " + source + ", which does not exist");
            List<String> lines = Files.readAllLines(source);
            int at = 0;
            for (String line : snippet.group(2).split("\n")) {
                if (line.isBlank() || line.strip().equals("// …")) {
                    continue;
                }
                while (at < lines.size() && !lines.get(at).equals(line)) {
                    at++;
                }
                if (at == lines.size()) {
                    fail("the README shows a line that " + snippet.group(1) + " does not have (or not in that order):\n"
                            + line);
                }
                at++;
            }
            checked++;
        }
        assertTrue(checked >= 2, "the README's Quarkus and Node snippets are marked with <!-- from … -->");
    }
}
