package dev.lockstep.e2e.support;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lockstep.contracts.CloudEvent;
import dev.lockstep.contracts.Events;
import dev.lockstep.contracts.Topic;
import dev.lockstep.launcher.Service;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Object mother and small client for end-to-end tests: unique accounts, logins, inboxes. */
public final class Lockstep {

    public static final String PASSWORD = "correct horse battery staple";
    private static final AtomicLong PHONES = new AtomicLong(ThreadLocalRandom.current().nextLong(10_000_000, 80_000_000));

    private Lockstep() {
    }

    public record Account(String id, String username, String phone) {
    }

    /** A Japanese mobile number no other test uses, in E.164. */
    public static String uniquePhone() {
        return "+8190" + PHONES.incrementAndGet();
    }

    /** Whether a command (oathtool, node, npm) is on the PATH of the machine running the tests. */
    public static boolean onPath(String command) {
        return System.getenv("PATH") != null && List.of(System.getenv("PATH").split(":")).stream()
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, command)));
    }

    /** A port on 127.0.0.1 free right now, for an application the test starts (a web app beside the sandbox). */
    public static int freePort() {
        try (ServerSocket free = new ServerSocket(0)) {
            return free.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String admin() {
        return "Bearer " + SharedSandbox.ADMIN_TOKEN;
    }

    /** Creates an account with a unique name and phone, and waits until its phone is a usable factor. */
    public static Account newAccount() {
        return newAccount(null);
    }

    /** The same, with an email address for alerts ({@code null}: none). */
    public static Account newAccount(String email) {
        return newAccount(uniquePhone(), email);
    }

    /** An account with a given phone: for tests whose outcome must not depend on the number. */
    public static Account newAccount(String phone, String email) {
        String username = "e2e-" + UUID.randomUUID().toString().substring(0, 12);
        Map<String, String> body = new HashMap<>(Map.of("username", username, "password", PASSWORD, "phone", phone));
        if (email != null) {
            body.put("email", email);
        }
        return new Account(SharedSandbox.client().createAccount(body), username, phone);
    }

    /** Waits until every service of the shared sandbox reports ready. */
    public static void awaitEveryServiceReady(Duration timeout) {
        await("every service ready").atMost(timeout).until(() -> {
            for (Service service : Service.values()) {
                if (given().get(SharedSandbox.url(service) + "/q/health/ready").statusCode() != 200) {
                    return false;
                }
            }
            return true;
        });
    }

    public static Response login(String username, String password) {
        return given().contentType(ContentType.JSON).body(Map.of("username", username, "password", password))
                .post(SharedSandbox.url(Service.AUTH) + "/v1/login");
    }

    /** Logs in with the right password and returns the challenge id. */
    public static String challenge(Account account) {
        Response response = login(account.username(), PASSWORD);
        assertEquals(200, response.statusCode(), response.asString());
        return response.path("challengeId");
    }

    public static Response send(String challengeId) {
        return given().post(SharedSandbox.url(Service.AUTH) + "/v1/login/" + challengeId + "/send");
    }

    public static Response verify(String challengeId, String code) {
        return given().contentType(ContentType.JSON).body(Map.of("code", code))
                .post(SharedSandbox.url(Service.AUTH) + "/v1/login/" + challengeId + "/verify");
    }

    /** The inbox of a phone, newest first. */
    public static List<Map<String, Object>> inbox(String phone) {
        return given().get(SharedSandbox.url(Service.SIM) + "/v1/phones/" + phone + "/messages")
                .then().statusCode(200).extract().jsonPath().getList("$");
    }

    /** The simulator's delivery log for one phone (every message, delivered or not), newest first. */
    public static List<Map<String, Object>> deliveryLog(String phone) {
        List<Map<String, Object>> log = given().get(SharedSandbox.url(Service.SIM) + "/v1/messages?limit=1000")
                .then().statusCode(200).extract().jsonPath().getList("$");
        return log.stream().filter(m -> phone.equals(m.get("to"))).toList();
    }

    /** The newest message to a phone or mailbox whose text contains {@code marker}, once it arrived. */
    public static String messageContaining(String to, String marker) {
        String url = SharedSandbox.url(Service.SIM) + (to.startsWith("+") ? "/v1/phones/" : "/v1/mailboxes/") + to
                + "/messages";
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(
                () -> given().get(url).jsonPath().getList("text", String.class).stream().anyMatch(t -> t.contains(marker)));
        return given().get(url).jsonPath().getList("text", String.class).stream().filter(t -> t.contains(marker))
                .findFirst().orElseThrow();
    }

    public static String codeAfter(String text, String before) {
        Matcher m = Pattern.compile(Pattern.quote(before) + " (\\d{4,8})").matcher(text);
        if (!m.find()) {
            throw new AssertionError("no code after '" + before + "' in: " + text);
        }
        return m.group(1);
    }

    /**
     * Waits for the n-th message to a phone (1 = first ever) and returns it; an inbox that cannot be
     * read yet (the simulator restarting) is asked again. The message comes from the read that found
     * it, so a simulator killed right after that read cannot fail the call.
     */
    public static Map<String, Object> nthMessage(String phone, int n, Duration timeout) {
        List<Map<String, Object>> messages = await().atMost(timeout).pollInterval(Duration.ofMillis(50))
                .ignoreExceptions().until(() -> inbox(phone), inbox -> inbox.size() >= n);
        return messages.get(messages.size() - n);
    }

    /** The code of the n-th message to a phone, as {@link #nthMessage} waits for it. */
    public static String nthCode(String phone, int n, Duration timeout) {
        return (String) nthMessage(phone, n, timeout).get("code");
    }

    public static String nthCode(String phone, int n) {
        return nthCode(phone, n, Duration.ofSeconds(30));
    }

    /**
     * Reads a topic of the real broker from its start until at least one event {@code wanted}
     * accepts has arrived and no further one for {@code quiet}: "exactly these, and nothing more".
     */
    public static List<CloudEvent> settledEvents(Topic topic, Predicate<CloudEvent> wanted, Duration quiet) {
        long[] lastNew = { System.nanoTime() };
        int[] count = { 0 };
        return awaitEvents(topic, wanted, seen -> {
            if (seen.size() != count[0]) {
                count[0] = seen.size();
                lastNew[0] = System.nanoTime();
            }
            return !seen.isEmpty() && System.nanoTime() - lastNew[0] >= quiet.toNanos();
        });
    }

    /**
     * Reads a topic of the real broker from its start, keeping the events {@code wanted} accepts,
     * until {@code done} holds for them (at most 60 s).
     */
    public static List<CloudEvent> awaitEvents(Topic topic, Predicate<CloudEvent> wanted, Predicate<List<CloudEvent>> done) {
        return awaitEvents(List.of(topic), wanted, done);
    }

    /**
     * The same over several topics: each in its own order, with no order between them (sort by
     * {@link CloudEvent#time()} for one story).
     */
    public static List<CloudEvent> awaitEvents(List<Topic> topics, Predicate<CloudEvent> wanted,
            Predicate<List<CloudEvent>> done) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + SharedSandbox.KAFKA_PORT);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "e2e-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<CloudEvent> seen = new CopyOnWriteArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            consumer.subscribe(topics.stream().map(Topic::topicName).toList());
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ZERO).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    CloudEvent event = Events.fromJson(record.value());
                    if (wanted.test(event)) {
                        seen.add(event);
                    }
                }
                return done.test(seen);
            });
        }
        return seen;
    }
}
