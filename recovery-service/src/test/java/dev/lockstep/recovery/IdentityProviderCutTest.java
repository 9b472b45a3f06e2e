package dev.lockstep.recovery;

import dev.lockstep.platform.testing.SilentServer;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;

/**
 * auth-service and otp-service die while they answer (a 200's headers, then the connection closed
 * mid-body): starting a recovery is the same 503 problem as when they hang, never a 500, and opens
 * no case.
 */
@QuarkusTest
@TestProfile(IdentityProviderCutTest.IdpCut.class)
class IdentityProviderCutTest extends IdentityProviderHangsTest {

    public static class IdpCut implements QuarkusTestProfile {

        static final SilentServer IDP = SilentServer.cutMidAnswer();

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.rest-client.auth.url", IDP.url(), "quarkus.rest-client.otp.url", IDP.url());
        }
    }
}
