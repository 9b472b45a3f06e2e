package dev.lockstep.auth;

import dev.lockstep.platform.testing.SilentServer;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;

/**
 * otp-service dies while it answers (a 200's headers, then the connection closed mid-body): the
 * password step's call for the account's factors gets no whole answer, and the user gets the same
 * 503 problem to retry as when it hangs, never a 500. The REST client reports a body cut off this
 * way as Vert.x's own exception, not as the {@code ProcessingException} of a refused connection.
 */
@QuarkusTest
@TestProfile(OtpServiceCutTest.OtpCut.class)
class OtpServiceCutTest extends OtpServiceHangsTest {

    public static class OtpCut implements QuarkusTestProfile {

        static final SilentServer OTP = SilentServer.cutMidAnswer();

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.rest-client.otp.url", OTP.url());
        }
    }
}
