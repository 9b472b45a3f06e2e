package dev.lockstep.otp;

import static dev.lockstep.otp.OtpFixtures.account;
import static dev.lockstep.otp.OtpFixtures.check;
import static dev.lockstep.platform.testing.TestTokens.ADMIN;
import static dev.lockstep.platform.testing.TestTokens.INTERNAL;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import dev.lockstep.contracts.Events;
import dev.lockstep.contracts.TotpReset;
import dev.lockstep.otp.domain.Totp;
import dev.lockstep.platform.clock.SandboxClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.apache.commons.codec.binary.Base32;
import org.junit.jupiter.api.Test;

/** An operator enrols an authenticator app: secret, Key URI and QR code once, then a first code confirms. */
@QuarkusTest
class TotpEnrolmentTest {

    @Inject
    @Any
    InMemoryConnector connector;

    @Inject
    SandboxClock clock;

    private static Map<String, Object> enrol(String accountId, String body) {
        return given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(body)
                .post("/v1/admin/accounts/" + accountId + "/totp").then().statusCode(201).extract().jsonPath().getMap("$");
    }

    @Test
    void enrolmentShowsA160BitSecretItsKeyUriAndAQrCodeThatSaysTheSame() throws Exception {
        String accountId = account(connector);
        Map<String, Object> enrolment = enrol(accountId, "{\"label\":\"alice@example.com\"}");
        String secret = (String) enrolment.get("secret");
        assertTrue(new Base32().decode(secret).length >= 20, "secret under 160 bits: " + secret);
        assertEquals("pending", enrolment.get("status"));
        String uri = (String) enrolment.get("otpauthUri");
        assertEquals("otpauth://totp/Lockstep:alice%40example.com?secret=" + secret
                + "&issuer=Lockstep&algorithm=SHA1&digits=6&period=30", uri);

        byte[] png = given().header("Authorization", ADMIN).get((String) enrolment.get("qrCode"))
                .then().statusCode(200).contentType("image/png").extract().asByteArray();
        var image = ImageIO.read(new ByteArrayInputStream(png));
        String decoded = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                new BufferedImageLuminanceSource(image)))).getText();
        assertEquals(uri, decoded);
    }

    @Test
    void aFirstValidCodeConfirmsTheEnrolmentAndItsSecretIsNotShownAgain() {
        String accountId = account(connector);
        Map<String, Object> enrolment = enrol(accountId, "{\"algorithm\":\"SHA256\",\"digits\":8}");
        String factorId = (String) enrolment.get("factorId");
        byte[] secret = new Base32().decode((String) enrolment.get("secret"));
        Totp.Settings settings = new Totp.Settings("SHA256", 8, Duration.ofSeconds(30));
        String confirm = "/v1/admin/accounts/" + accountId + "/totp/" + factorId + "/confirm";

        String wrong = Totp.code(secret, settings, Totp.step(clock.instant(), settings.period()) + 5);
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(Map.of("code", wrong))
                .post(confirm).then().statusCode(400).body("type", equalTo("tag:lockstep.dev,2026:problem:code-invalid"));

        String code = Totp.code(secret, settings, Totp.step(clock.instant(), settings.period()));
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(Map.of("code", code))
                .post(confirm).then().statusCode(200).body("status", equalTo("active"));
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(Map.of("code", code))
                .post(confirm).then().statusCode(409);
        given().header("Authorization", ADMIN).get((String) enrolment.get("qrCode")).then().statusCode(409);
    }

    @Test
    void badEnrolmentsAreProblemsAndNeedTheAdminToken() {
        String accountId = account(connector);
        given().contentType(ContentType.JSON).body("{}").post("/v1/admin/accounts/" + accountId + "/totp")
                .then().statusCode(401);
        for (String bad : new String[] { "{\"algorithm\":\"MD5\"}", "{\"digits\":4}", "{\"digits\":\"six\"}",
                "{\"label\":\"\"}" }) {
            given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(bad)
                    .post("/v1/admin/accounts/" + accountId + "/totp").then().statusCode(400)
                    .contentType("application/problem+json");
        }
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body("{}")
                .post("/v1/admin/accounts/" + UUID.randomUUID() + "/totp").then().statusCode(404);
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(Map.of("code", "123456"))
                .post("/v1/admin/accounts/" + accountId + "/totp/" + UUID.randomUUID() + "/confirm").then().statusCode(404);
    }

    @Test
    void aConfirmedAppIsListedFirstAndItsCodesWorkOnceForALogin() {
        String accountId = account(connector);
        Map<String, Object> enrolment = enrol(accountId, "{}");
        String factorId = (String) enrolment.get("factorId");
        byte[] secret = new Base32().decode((String) enrolment.get("secret"));
        Totp.Settings settings = new Totp.Settings("SHA1", 6, Duration.ofSeconds(30));
        long now = Totp.step(clock.instant(), settings.period());
        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body(Map.of("code", Totp.code(secret, settings, now)))
                .post("/v1/admin/accounts/" + accountId + "/totp/" + factorId + "/confirm").then().statusCode(200);
        given().header("Authorization", INTERNAL).get("/v1/internal/accounts/" + accountId + "/factors").then()
                .body("type", equalTo(List.of("totp", "sms"))).body("[0].id", equalTo(factorId));

        String challengeId = UUID.randomUUID().toString();
        String next = Totp.code(secret, settings, now + 1); // the confirmed step is spent; drift allows the next
        check(challengeId, accountId, next, factorId).body("outcome", equalTo("VALID")).body("factorType", equalTo("totp"));
        check(challengeId, accountId, next, factorId).body("outcome", equalTo("USED"));
        check(challengeId, accountId, "000000".equals(next) ? "111111" : "000000", factorId).body("outcome", equalTo("INVALID"))
                .body("remainingAttempts", equalTo(3));
        check(challengeId, accountId, next, UUID.randomUUID().toString()).body("outcome", equalTo("UNKNOWN_FACTOR"));
    }

    @Test
    void aSupportResetRemovesTheAppFromTheAccount() {
        String accountId = account(connector);
        Map<String, Object> enrolment = enrol(accountId, "{}");
        byte[] secret = new Base32().decode((String) enrolment.get("secret"));
        Totp.Settings settings = new Totp.Settings("SHA1", 6, Duration.ofSeconds(30));
        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body(Map.of("code", Totp.code(secret, settings, Totp.step(clock.instant(), settings.period()))))
                .post("/v1/admin/accounts/" + accountId + "/totp/" + enrolment.get("factorId") + "/confirm").then()
                .statusCode(200);
        connector.source("auth-events").send(Events.toJson(Events.envelope("/lockstep/auth-service", accountId,
                Instant.now(), null, new TotpReset(accountId, "desk", "app lost"))));
        await().atMost(Duration.ofSeconds(5)).until(() -> given().header("Authorization", INTERNAL)
                .get("/v1/internal/accounts/" + accountId + "/factors").then().extract().jsonPath().getList("type")
                .equals(List.of("sms")));
    }
}
