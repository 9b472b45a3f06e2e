package dev.lockstep.client;

/** Lockstep's four services, by the names they run under. */
public enum Service {
    AUTH("auth-service"),
    OTP("otp-service"),
    SIM("sms-gateway-sim"),
    RECOVERY("recovery-service");

    private final String serviceName;

    Service(String serviceName) {
        this.serviceName = serviceName;
    }

    public String serviceName() {
        return serviceName;
    }
}
