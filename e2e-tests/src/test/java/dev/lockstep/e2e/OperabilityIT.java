package dev.lockstep.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.lockstep.e2e.support.SharedSandbox;
import dev.lockstep.launcher.Service;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Health reflects database and Kafka; OpenAPI and Swagger UI are served by every service. */
@ExtendWith(SharedSandbox.class)
@Order(4)
class OperabilityIT {

    @ParameterizedTest
    @EnumSource(Service.class)
    void everyServiceIsReadyWithDatabaseAndKafkaChecks(Service service) {
        given().get(SharedSandbox.url(service) + "/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", Matchers.hasItem(containsString("Database")))
                .body("checks.name", Matchers.hasItem(containsString("Messaging")));
    }

    @ParameterizedTest
    @EnumSource(Service.class)
    void everyServiceDescribesItsApi(Service service) {
        given().get(SharedSandbox.url(service) + "/q/openapi?format=json").then().statusCode(200)
                .body("openapi", Matchers.startsWith("3."));
        given().get(SharedSandbox.url(service) + "/q/swagger-ui/").then().statusCode(200);
    }
}
