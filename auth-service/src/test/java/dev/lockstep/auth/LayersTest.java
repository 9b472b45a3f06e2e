package dev.lockstep.auth;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lockstep.auth.domain.Account;
import dev.lockstep.auth.domain.LoginFailure;
import dev.lockstep.auth.domain.OidcAuthorization;
import dev.lockstep.auth.domain.RefreshToken;
import dev.lockstep.platform.testing.Layers;
import dev.lockstep.platform.testing.PlatformTables;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * No class in service, domain or messaging imports a REST type, the domain calls no service, and the
 * service's migrations leave platform's tables to platform.
 */
class LayersTest {

    @Test
    void arrowsPointInwardOnly() {
        Layers.of("dev.lockstep.auth").check(Layers.mainClasses("dev.lockstep.auth"));
    }

    @Test
    void onlyTheAggregatesMoveTheirOwnStatus() {
        noClasses().that().resideOutsideOfPackage("dev.lockstep.auth.domain..")
                .should().setField(Account.class, "status")
                .orShould().setField(RefreshToken.class, "status")
                .orShould().setField(OidcAuthorization.class, "status")
                .orShould().setField(LoginFailure.class, "lockedUntil")
                .orShould().setField(LoginFailure.class, "lockReason")
                .orShould().setField(LoginFailure.class, "failures")
                .because("Account, RefreshToken and OidcAuthorization refuse an illegal move themselves, and a "
                        + "LoginFailure counts and locks itself")
                .check(Layers.mainClasses("dev.lockstep.auth"));
    }

    @Test
    void migrationsFromThreeOnLeavePlatformsTablesToPlatform() {
        assertEquals(List.of(), PlatformTables.namedByMigrationsIn("db/migration"));
    }
}
