package dev.lockstep.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lockstep.client.HttpJson;
import dev.lockstep.client.SandboxClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The sandbox a benchmark measures, as {@code ./lockstep up} describes it in its data directory
 * ({@code sandbox.json} and the token files); the program exits when none is running.
 */
record RunningSandbox(Map<String, String> urls, Map<String, Long> pids, long readyMillis, String adminToken,
        String internalToken) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Lockstep's Java client on this sandbox, naming the benchmark as the operator. */
    SandboxClient client(String operator) {
        return new SandboxClient(service -> urls.get(service.serviceName()), adminToken, internalToken,
                new HttpJson(operator));
    }

    static RunningSandbox in(Path dataDir) throws IOException {
        Path runFile = dataDir.resolve("sandbox.json");
        if (!Files.exists(runFile)) {
            System.err.println("No running sandbox found (" + runFile + "): start one with ./lockstep up first.");
            System.exit(2);
        }
        JsonNode run = JSON.readTree(runFile.toFile());
        return new RunningSandbox(
                JSON.convertValue(run.get("urls"),
                        JSON.getTypeFactory().constructMapType(Map.class, String.class, String.class)),
                JSON.convertValue(run.get("pids"), JSON.getTypeFactory().constructMapType(Map.class, String.class, Long.class)),
                run.get("readyMillis").asLong(),
                Files.readString(dataDir.resolve("admin-token")).trim(),
                Files.readString(dataDir.resolve("internal-token")).trim());
    }
}
