package dev.lockstep.launcher;

/**
 * Every port a sandbox listens on, checked before anything starts: a taken one ends the start with a
 * message naming it, what wanted it and the flag that moves it ({@link Ports#requireFree}).
 */
final class SandboxPorts {

    private static final String HTTP_FLAG = "--http-port-base";
    private static final String KAFKA_FLAG = "--kafka-port";

    private SandboxPorts() {
    }

    static void requireFree(SandboxOptions options, boolean postgres) {
        String host = options.host();
        for (Service service : Service.values()) {
            Ports.requireFree(host, options.port(service), service.moduleName(), HTTP_FLAG);
        }
        for (Service service : Sandbox.HTTPS) {
            Ports.requireFree(host, options.httpsPort(options.port(service)), service.moduleName() + " (HTTPS)", HTTP_FLAG);
        }
        for (int n = 1; n < options.authInstances(); n++) {
            String instance = "auth-service instance " + (n + 1);
            Ports.requireFree(host, options.authPort(n), instance, HTTP_FLAG);
            Ports.requireFree(host, options.httpsPort(options.authPort(n)), instance + " (HTTPS)", HTTP_FLAG);
        }
        Ports.requireFree(host, options.kafkaPort(), "Kafka broker", KAFKA_FLAG);
        Ports.requireFree(host, options.kafkaPort() + 1, "Kafka controller",
                KAFKA_FLAG + " (the controller listens one above it)");
        if (postgres) {
            Ports.requireFree(host, options.postgresPort(), "PostgreSQL", "--postgres-port");
        }
    }
}
