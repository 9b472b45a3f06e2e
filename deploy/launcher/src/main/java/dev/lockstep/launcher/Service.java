package dev.lockstep.launcher;

/** The four Lockstep services, their module folders and their default ports. */
public enum Service {
    AUTH("auth-service", 8081),
    OTP("otp-service", 8082),
    SIM("sms-gateway-sim", 8083),
    RECOVERY("recovery-service", 8084);

    private final String moduleName;
    private final int defaultPort;

    Service(String moduleName, int defaultPort) {
        this.moduleName = moduleName;
        this.defaultPort = defaultPort;
    }

    public String moduleName() {
        return moduleName;
    }

    public int defaultPort() {
        return defaultPort;
    }
}
