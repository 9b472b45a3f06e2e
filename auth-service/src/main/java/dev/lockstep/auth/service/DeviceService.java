package dev.lockstep.auth.service;

import dev.lockstep.auth.domain.Account;
import dev.lockstep.auth.domain.Device;
import dev.lockstep.contracts.DeviceChanged;
import dev.lockstep.contracts.Topic;
import dev.lockstep.platform.audit.AuditTrail;
import dev.lockstep.platform.clock.SandboxClock;
import dev.lockstep.platform.outbox.Outbox;
import dev.lockstep.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** The devices accounts sign in from: seen, trusted by their owner, revoked. */
@ApplicationScoped
public class DeviceService {

    private final SandboxClock clock;

    private final Outbox outbox;

    private final OwnerAlerts alerts;

    private final AuditTrail audit;

    public DeviceService(SandboxClock clock, Outbox outbox, OwnerAlerts alerts, AuditTrail audit) {
        this.clock = clock;
        this.outbox = outbox;
        this.alerts = alerts;
        this.audit = audit;
    }

    /** Whether the account trusts this device (so that {@code new-device} mode skips the second factor). */
    public boolean trusted(String accountId, String deviceKey) {
        return deviceKey != null && Device.of(accountId, deviceKey).map(d -> d.trustedAt != null).orElse(false);
    }

    /** Records a successful sign-in from a device, trusting it if the owner asked; new devices are an event. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void signedIn(String accountId, String deviceKey, boolean trust, String correlationId) {
        if (deviceKey == null) {
            return;
        }
        Device device = Device.of(accountId, deviceKey).orElse(null);
        if (device == null) {
            device = new Device();
            device.id = UUID.randomUUID().toString();
            device.accountId = accountId;
            device.deviceKey = deviceKey;
            device.firstSeen = clock.instant();
            device.lastSeen = device.firstSeen;
            device.persist();
            outbox.publish(Topic.AUTH_EVENTS, accountId, correlationId, new DeviceChanged(accountId, device.id, "new"));
            alertNewDevice(accountId, deviceKey, correlationId);
        }
        device.lastSeen = clock.instant();
        if (trust && device.trustedAt == null) {
            device.trustedAt = clock.instant();
            outbox.publish(Topic.AUTH_EVENTS, accountId, correlationId, new DeviceChanged(accountId, device.id, "trusted"));
        }
    }

    /** Tells the owner by email of a sign-in from a device the account never used (story S2). */
    private void alertNewDevice(String accountId, String deviceKey, String correlationId) {
        Account account = Account.findById(accountId);
        alerts.send(account, "New sign-in to your Lockstep account " + account.username + " from a device it has not "
                + "used before (" + deviceKey + ") at " + clock.instant().truncatedTo(ChronoUnit.SECONDS) + ". If this "
                + "was not you, change your password and sign out of every session.", correlationId);
    }

    /** Forgets a device: the next sign-in from it is a new device again. {@code operator} null: the owner. */
    @Transactional
    public void revoke(String accountId, String deviceId, String operator, String reason) {
        Device device = Device.findById(deviceId);
        if (device == null || !device.accountId.equals(accountId)) {
            throw ProblemException.notFound("device-not-found", "No such device on this account");
        }
        device.delete();
        if (operator != null) {
            audit.record(operator, "device.revoke", accountId, reason);
        }
        outbox.publish(Topic.AUTH_EVENTS, accountId, null, new DeviceChanged(accountId, deviceId, "revoked"));
    }
}
