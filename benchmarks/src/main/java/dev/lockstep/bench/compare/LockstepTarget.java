package dev.lockstep.bench.compare;

import dev.lockstep.bench.ProcessFacts;
import dev.lockstep.client.SandboxClient;
import dev.lockstep.client.Service;
import dev.lockstep.launcher.Sandbox;
import dev.lockstep.launcher.SandboxOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The whole sandbox as {@code ./lockstep up} runs it (the broker and four services, H2), on ports of
 * its own so that a sandbox already running is left alone; password logins on {@code POST /v1/login}
 * for accounts whose second factor is off.
 */
public final class LockstepTarget implements LoginTarget {

    private final SandboxOptions options;
    private final String adminToken = UUID.randomUUID().toString();
    private final String internalToken = UUID.randomUUID().toString();
    private Sandbox sandbox;
    private SandboxClient client;

    public LockstepTarget(Path home, Path dataDir, int httpPortBase, int kafkaPort) {
        this.options = new SandboxOptions().home(home).dataDir(dataDir).httpPortBase(httpPortBase).kafkaPort(kafkaPort)
                .adminToken(adminToken).internalToken(internalToken);
    }

    @Override
    public String name() {
        return "Lockstep";
    }

    @Override
    public void start() throws Exception {
        sandbox = new Sandbox(options).start(Duration.ofMinutes(3));
        client = sandbox.client(adminToken, internalToken);
    }

    /** Lockstep's Java client on the running sandbox, with its admin and internal tokens. */
    public SandboxClient client() {
        return client;
    }

    @Override
    public long readyMillis() {
        return sandbox.readyMillis();
    }

    @Override
    public List<String> users(int count, String password) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String name = "bench-user-" + i;
            if (client.call("GET", Service.AUTH, "/v1/admin/accounts/" + name, null, adminToken)
                    .status() == 404) {
                client.createAccount(name, password, "+8170" + (10_000_000 + i));
                client.setMfaMode(name, "off", "benchmark: password logins");
            }
            names.add(name);
        }
        return names;
    }

    @Override
    public int login(String username, String password) {
        return client.loginReply(username, password).status();
    }

    @Override
    public Map<String, Duration> cpu() {
        Map<String, Duration> cpu = new LinkedHashMap<>();
        sandbox.pids().forEach((name, pid) -> ProcessHandle.of(pid).flatMap(p -> p.info().totalCpuDuration())
                .ifPresent(used -> cpu.put(name, used)));
        return cpu;
    }

    @Override
    public long rssKib() throws Exception {
        long total = 0;
        for (long pid : sandbox.pids().values()) {
            total += ProcessFacts.rssKib(pid);
        }
        return total;
    }

    @Override
    public void close() throws Exception {
        if (sandbox != null) {
            sandbox.close();
            sandbox = null;
        }
    }
}
