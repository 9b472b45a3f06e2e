package dev.lockstep.containers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The README shows the test of the project outside the build ({@code examples/testcontainers-user},
 * which CI builds against the installed module) verbatim, so the example users copy is the one that runs.
 */
class ReadmeExampleTest {

    @Test
    void theReadmeShowsTheExampleThatRuns() throws IOException {
        String example = Files
                .readString(Path.of("../examples/testcontainers-user/src/test/java/com/example/shop/SmsLoginTest.java"));
        String readme = Files.readString(Path.of(System.getProperty("lockstep.readme", "../README.md")));
        assertTrue(readme.contains("```java\n" + example + "```"),
                "README.md must contain examples/testcontainers-user's SmsLoginTest verbatim:\n" + example);
        assertEquals(1, readme.split("new LockstepSandbox\\(\\)", -1).length - 1, "one example in the README");
    }
}
