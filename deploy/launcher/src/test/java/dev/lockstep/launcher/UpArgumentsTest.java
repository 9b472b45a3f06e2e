package dev.lockstep.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code ./lockstep up}'s options: one base moves every port, and bad input is said in words. */
class UpArgumentsTest {

    private static final Path HOME = Path.of(".");

    private static UpArguments parse(Map<String, String> environment, String... args) {
        return UpArguments.parse(args, HOME, environment);
    }

    @Test
    void onePortBaseMovesEveryPortTogether() {
        SandboxOptions options = parse(Map.of(), "--port-base", "18081").options;

        assertEquals(18081, options.port(Service.AUTH));
        assertEquals(18082, options.port(Service.OTP));
        assertEquals(18083, options.port(Service.SIM));
        assertEquals(18084, options.port(Service.RECOVERY));
        assertEquals(18443, options.httpsPort(options.port(Service.AUTH)));
        assertEquals(18445, options.httpsPort(options.port(Service.SIM)));
        assertEquals(19092, options.kafkaPort());
        assertEquals(15433, options.postgresPort());
    }

    @Test
    void theEnvironmentGivesTheBaseAndAnOptionOverridesIt() {
        assertEquals(28081, parse(Map.of("LOCKSTEP_PORT_BASE", "28081")).options.port(Service.AUTH));
        assertEquals(29092, parse(Map.of("LOCKSTEP_PORT_BASE", "28081")).options.kafkaPort());
        assertEquals(18081, parse(Map.of("LOCKSTEP_PORT_BASE", "28081"), "--port-base", "18081").options.port(Service.AUTH));
        assertEquals(8081, parse(Map.of()).options.port(Service.AUTH), "the documented ports by default");
        assertEquals(9092, parse(Map.of()).options.kafkaPort());
    }

    @Test
    void badPortsUnknownOptionsAndMissingValuesAreRefusedInWords() {
        assertEquals("--port-base needs a port number, not 'eighty'",
                assertThrows(UpArguments.UsageException.class, () -> parse(Map.of(), "--port-base", "eighty")).getMessage());
        assertTrue(assertThrows(UpArguments.UsageException.class, () -> parse(Map.of(), "--port-base", "65000"))
                .getMessage().contains("every port must stay within 1024-65535"));
        assertTrue(assertThrows(UpArguments.UsageException.class, () -> parse(Map.of("LOCKSTEP_PORT_BASE", "x")))
                .getMessage().startsWith("LOCKSTEP_PORT_BASE needs a port number"));
        assertEquals("--kafka-port 80: a port from 1024 to 65534",
                assertThrows(UpArguments.UsageException.class, () -> parse(Map.of(), "--kafka-port", "80")).getMessage());
        assertEquals("unknown option --frob",
                assertThrows(UpArguments.UsageException.class, () -> parse(Map.of(), "--frob", "1")).getMessage());
        assertEquals("--data-dir needs a value",
                assertThrows(UpArguments.UsageException.class, () -> parse(Map.of(), "--data-dir")).getMessage());
        assertTrue(assertThrows(UpArguments.UsageException.class, () -> parse(Map.of(), "--db", "oracle"))
                .getMessage().contains("h2 or postgresql"));
        assertTrue(assertThrows(UpArguments.UsageException.class, () -> parse(Map.of(), "--scenario", "no/such.yaml"))
                .getMessage().startsWith("no scenario file at"));
    }

    @Test
    void emptyIsAFlagWithoutAValue() {
        UpArguments up = parse(Map.of(), "--empty", "--port-base", "18081");
        assertTrue(up.empty);
        assertEquals(18081, up.options.port(Service.AUTH));
    }

    @Test
    void aTakenPortNamesItselfWhoHoldsItAndTheFlagsThatMoveIt() throws IOException {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            int port = taken.getLocalPort();
            String message = assertThrows(Ports.PortTakenException.class,
                    () -> Ports.requireFree("127.0.0.1", port, "sms-gateway-sim", "--http-port-base")).getMessage();

            assertTrue(message.startsWith("sms-gateway-sim cannot start: 127.0.0.1:" + port + " is already in use by "),
                    message);
            assertTrue(message.contains("pid " + ProcessHandle.current().pid() + " ("), "names the process: " + message);
            assertTrue(message.contains("--port-base N (or LOCKSTEP_PORT_BASE=N)") && message.contains("--http-port-base"),
                    message);
        }
    }
}
