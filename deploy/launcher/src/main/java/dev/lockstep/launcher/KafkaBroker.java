package dev.lockstep.launcher;

import dev.lockstep.contracts.Topic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * A real single-node Apache Kafka broker (KRaft, broker and controller in one) run as a plain
 * process from the jars Maven resolved into {@code deploy/kafka-broker/target/lib}. Formats its
 * storage once, refuses to start on a busy port, and creates exactly the declared topics.
 */
public final class KafkaBroker {

    private final Path libDir;
    private final Path dataDir;
    private final String host;
    private final int port;
    private final int controllerPort;
    private final JavaProcess process;
    private final ClassArchive classes;

    public KafkaBroker(Path libDir, Path dataDir, String host, int port) {
        this.libDir = libDir;
        this.dataDir = dataDir;
        this.host = host;
        this.port = port;
        this.controllerPort = port + 1;
        this.process = new JavaProcess("kafka", dataDir.resolve("logs").resolve("kafka.log"));
        this.classes = new ClassArchive(dataDir, "kafka-classes", libDir);
    }

    public String bootstrapServers() {
        return host + ":" + port;
    }

    /** Starts the broker process; returns at once (see {@link #awaitReady}). */
    public void start() throws IOException, InterruptedException {
        if (!Files.isDirectory(libDir) || !Files.exists(libDir.resolve("log4j2.properties"))) {
            throw new IllegalStateException("Kafka broker jars are missing in " + libDir
                    + ": build first (./mvnw -DskipTests package)");
        }
        Ports.requireFree(host, port, "Kafka broker", "--kafka-port");
        Ports.requireFree(host, controllerPort, "Kafka controller", "--kafka-port (the controller listens one above it)");
        Path logDirs = dataDir.resolve("kafka-data");
        Files.createDirectories(logDirs);
        Path config = dataDir.resolve("kafka-server.properties");
        Files.writeString(config, serverProperties(logDirs));
        if (!Files.exists(logDirs.resolve("meta.properties"))) {
            format(config);
        }
        List<String> jvm = new ArrayList<>(jvmArgs());
        jvm.addAll(classes.jvmArgs());
        process.start(jvm, List.of("kafka.Kafka", config.toString()), dataDir, Map.of("MALLOC_ARENA_MAX", "2"));
    }

    private void format(Path config) throws IOException, InterruptedException {
        JavaProcess storage = new JavaProcess("kafka-storage", dataDir.resolve("logs").resolve("kafka-format.log"));
        storage.start(jvmArgs(), List.of("kafka.tools.StorageTool", "format", "-t", Uuid.randomUuid().toString(),
                "-c", config.toString()), dataDir);
        for (int i = 0; i < 600 && storage.alive(); i++) {
            Thread.sleep(100);
        }
        if (storage.alive() || !Files.exists(dataDir.resolve("kafka-data").resolve("meta.properties"))) {
            storage.kill();
            throw new IllegalStateException("formatting Kafka storage failed:\n" + storage.tail(20));
        }
    }

    private List<String> jvmArgs() {
        return List.of("-Xms32m", "-Xmx160m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Dlog4j2.configurationFile=" + libDir.resolve("log4j2.properties").toAbsolutePath(),
                "-cp", JavaProcess.classpath(libDir));
    }

    private String serverProperties(Path logDirs) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("process.roles", "broker,controller");
        settings.put("node.id", "1");
        settings.put("controller.quorum.voters", "1@" + host + ":" + controllerPort);
        settings.put("listeners", "PLAINTEXT://" + host + ":" + port + ",CONTROLLER://" + host + ":" + controllerPort);
        settings.put("advertised.listeners", "PLAINTEXT://" + host + ":" + port);
        settings.put("controller.listener.names", "CONTROLLER");
        settings.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        settings.put("log.dirs", logDirs.toAbsolutePath().toString());
        settings.put("auto.create.topics.enable", "false");
        settings.put("num.partitions", "3");
        settings.put("offsets.topic.replication.factor", "1");
        settings.put("offsets.topic.num.partitions", "1");
        settings.put("transaction.state.log.replication.factor", "1");
        settings.put("transaction.state.log.min.isr", "1");
        settings.put("transaction.state.log.num.partitions", "1");
        settings.put("share.coordinator.state.topic.replication.factor", "1");
        settings.put("share.coordinator.state.topic.min.isr", "1");
        settings.put("group.initial.rebalance.delay.ms", "0");
        settings.put("log.cleaner.dedupe.buffer.size", "8388608");
        // Idle, every network thread and request handler wakes each 0.3 s to look for work (3 network
        // threads per listener and 8 handlers by default); a sandbox's dozen clients need one and two
        settings.put("num.network.threads", "1");
        settings.put("num.io.threads", "2");
        settings.put("broker.session.timeout.ms", "3000");
        settings.put("broker.heartbeat.interval.ms", "1000");
        // The controller writes a no-op record to the metadata log every 0.5 s by default, so that brokers
        // see it alive; the one node here is its own controller, and every 10 s does (docs/performance.md, Idle)
        settings.put("metadata.max.idle.interval.ms", "10000");
        StringBuilder text = new StringBuilder("# Written by the Lockstep launcher on every start.\n");
        settings.forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
        return text.toString();
    }

    /** Waits until the broker answers metadata requests. */
    public void awaitReady(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.alive()) {
                throw new IllegalStateException("Kafka broker exited during start:\n" + process.tail(30));
            }
            try (Admin admin = admin(Duration.ofSeconds(2))) {
                admin.describeCluster().nodes().get(2, TimeUnit.SECONDS);
                return;
            } catch (ExecutionException | TimeoutException | RuntimeException e) {
                Thread.sleep(200);
            }
        }
        throw new IllegalStateException("Kafka broker not ready after " + timeout + ":\n" + process.tail(30));
    }

    /** Creates every declared topic with its partitions and settings; existing ones are left alone. */
    public void createTopics() throws InterruptedException {
        createTopics(bootstrapServers());
    }

    /**
     * Creates Lockstep's topics on any broker, e.g. the broker container:
     * {@code java -cp … dev.lockstep.launcher.KafkaBroker kafka:9092}. Waits up to 120 s for the broker.
     */
    public static void main(String[] args) throws InterruptedException {
        if (args.length != 1) {
            System.err.println("usage: KafkaBroker <bootstrap servers>   (creates Lockstep's topics)");
            System.exit(2);
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (true) {
            try {
                createTopics(args[0]);
                System.out.println("Lockstep topics ready on " + args[0]);
                return;
            } catch (RuntimeException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(500);
            }
        }
    }

    static void createTopics(String bootstrapServers) throws InterruptedException {
        List<NewTopic> topics = new ArrayList<>();
        for (Topic topic : Topic.values()) {
            topics.add(new NewTopic(topic.topicName(), topic.partitions(), (short) 1).configs(topic.config()));
        }
        try (Admin admin = admin(bootstrapServers, Duration.ofSeconds(10))) {
            for (var entry : admin.createTopics(topics).values().entrySet()) {
                try {
                    entry.getValue().get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("cannot create topic " + entry.getKey(), e.getCause());
                    }
                } catch (TimeoutException e) {
                    throw new IllegalStateException("creating topic " + entry.getKey() + " timed out", e);
                }
            }
        }
    }

    private Admin admin(Duration timeout) {
        return admin(bootstrapServers(), timeout);
    }

    private static Admin admin(String bootstrapServers, Duration timeout) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        return Admin.create(props);
    }

    public boolean running() {
        return process.alive();
    }

    public long pid() {
        return process.pid();
    }

    /** Controlled shutdown (SIGTERM). */
    public void stop() throws InterruptedException {
        classes.stopped(process.stop(20));
    }

    /** Kills the broker outright (SIGKILL), as a crash or an outage would. */
    public void kill() throws InterruptedException {
        process.kill();
    }

    JavaProcess process() {
        return process;
    }
}
