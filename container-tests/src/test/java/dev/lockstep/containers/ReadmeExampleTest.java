package dev.lockstep.containers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README shows ReadmeExampleIT's body verbatim, so the example users copy is the one that runs. */
class ReadmeExampleTest {

    @Test
    void theReadmeShowsTheExampleThatRuns() throws IOException {
        String test = Files.readString(Path.of("src/test/java/dev/lockstep/containers/ReadmeExampleIT.java"));
        String example = between(test, "    // README:begin\n", "    // README:end\n");
        String readme = Files.readString(Path.of(System.getProperty("lockstep.readme", "../README.md")));
        assertTrue(readme.contains(example), "README.md must contain ReadmeExampleIT's example verbatim:\n" + example);
        assertEquals(1, readme.split("new LockstepSandbox\\(\\)", -1).length - 1, "one example in the README");
    }

    private static String between(String text, String begin, String end) {
        int from = text.indexOf(begin);
        int to = text.indexOf(end);
        assertTrue(from >= 0 && to > from, "markers missing");
        return text.substring(from + begin.length(), to);
    }
}
