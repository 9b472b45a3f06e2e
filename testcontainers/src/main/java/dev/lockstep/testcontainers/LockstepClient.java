package dev.lockstep.testcontainers;

import dev.lockstep.client.HttpJson;
import dev.lockstep.client.SandboxClient;
import dev.lockstep.client.Service;

/**
 * A small client for a running {@link LockstepSandbox}: the admin API (accounts), the login API an
 * app would call, applications and identity-provider faults, and the simulator (phone state, fault
 * rules, the sandbox clock, inboxes, scenarios) — Lockstep's one Java client ({@link SandboxClient},
 * module {@code lockstep-client}) pointed at the containers. Every call that the sandbox refuses
 * throws {@link LockstepException} with the status and problem body.
 */
public final class LockstepClient extends SandboxClient {

    LockstepClient(LockstepSandbox sandbox, String adminToken, String internalToken) {
        super(service -> sandbox.url(LockstepSandbox.Service.valueOf(service.name())), adminToken, internalToken,
                new HttpJson(sandbox.http(), "lockstep-testcontainers"));
    }

    /** Any call: method, service, path (with query), a body to send as JSON (or null), a bearer token (or null). */
    public HttpJson.Reply call(String method, LockstepSandbox.Service service, String path, Object body, String bearer) {
        return call(method, Service.valueOf(service.name()), path, body, bearer);
    }
}
