package dev.lockstep.recovery.rest;

import dev.lockstep.contracts.http.FactorView;
import dev.lockstep.platform.clock.SandboxClock;
import dev.lockstep.recovery.domain.RecoveryCase;
import dev.lockstep.recovery.rest.RecoveryRequests.OwnerView;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;

/** A case as its owner sees it now, as the owner's recovery resources answer with it. */
final class OwnerViews {

    private OwnerViews() {
    }

    static OwnerView view(SandboxClock clock, RecoveryCase c) {
        return OwnerView.of(c, null, clock.instant());
    }

    /** 201 with the case's address; {@code phones}: the trusted numbers to choose from, or null. */
    static Response created(SandboxClock clock, RecoveryCase c, List<FactorView> phones) {
        return Response.created(URI.create("/v1/recovery/cases/" + c.id)).entity(OwnerView.of(c, phones, clock.instant()))
                .build();
    }
}
