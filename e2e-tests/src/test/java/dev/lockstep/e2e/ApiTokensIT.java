package dev.lockstep.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lockstep.e2e.support.OpenApiOperations;
import dev.lockstep.e2e.support.SharedSandbox;
import dev.lockstep.launcher.Service;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every admin and internal operation of every service, as its OpenAPI document lists them (under
 * {@code /v1/admin/} and {@code /v1/internal/}, and the simulator's controls elsewhere), refuses
 * a request without a token, with a wrong one, and with the other API's token (the internal token
 * is not an admin's, nor the reverse) with a 401 problem that names the scheme; and the right token
 * is what opens the reading ones.
 */
@ExtendWith(SharedSandbox.class)
@Order(25)
class ApiTokensIT {

    private static final String WRONG = "Bearer not-the-token";

    @Test
    void adminAndInternalApisOpenOnlyToTheirOwnToken() {
        Map<Service, String> urls = new EnumMap<>(Service.class);
        for (Service service : Service.values()) {
            urls.put(service, SharedSandbox.url(service));
        }
        String admin = "Bearer " + SharedSandbox.ADMIN_TOKEN;
        String internal = "Bearer " + SharedSandbox.INTERNAL_TOKEN;
        List<String> checked = new ArrayList<>();
        Set<Service> adminServices = EnumSet.noneOf(Service.class);
        for (OpenApiOperations.Operation operation : OpenApiOperations.of(urls)) {
            String url = urls.get(operation.service()) + operation.path().replaceAll("\\{[^}]+}", "x");
            boolean internalApi = operation.path().startsWith("/v1/internal/");
            // admin: under /v1/admin/, or guarded by the admin realm elsewhere (the simulator's controls)
            boolean adminApi = operation.path().startsWith("/v1/admin/") || !internalApi
                    && String.valueOf(request(null, operation).request(operation.method(), url).header("WWW-Authenticate"))
                            .contains("lockstep-admin");
            if (!adminApi && !internalApi) {
                continue;
            }
            Map<String, String> refused = new LinkedHashMap<>();
            refused.put("no token", null);
            refused.put("a wrong token", WRONG);
            refused.put(adminApi ? "the internal token" : "the admin token", adminApi ? internal : admin);
            refused.put("the right token without Bearer", adminApi ? SharedSandbox.ADMIN_TOKEN : SharedSandbox.INTERNAL_TOKEN);
            for (Map.Entry<String, String> token : refused.entrySet()) {
                Response response = request(token.getValue(), operation).request(operation.method(), url);
                assertEquals(401, response.statusCode(), operation + " with " + token.getKey() + ": " + response.asString());
                assertTrue(response.header("WWW-Authenticate").startsWith("Bearer"), operation + ": " + response.headers());
                assertEquals("tag:lockstep.dev,2026:problem:unauthorized", response.path("type"), operation.toString());
            }
            if ("GET".equals(operation.method())) {
                Response allowed = request(adminApi ? admin : internal, operation).get(url);
                assertNotEquals(401, allowed.statusCode(), operation + " with its own token: " + allowed.asString());
            }
            checked.add(operation.toString());
            if (adminApi) {
                adminServices.add(operation.service());
            }
        }
        System.out.println("[tokens] " + checked.size() + " admin and internal operations checked");
        for (Service service : Service.values()) {
            assertTrue(adminServices.contains(service), service + " has admin operations: " + checked);
        }
        assertTrue(checked.stream().anyMatch(o -> o.contains("/v1/internal/")), "internal operations were checked");
    }

    private static RequestSpecification request(String authorization, OpenApiOperations.Operation operation) {
        RequestSpecification request = given().redirects().follow(false);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (operation.mediaType() != null) {
            String type = operation.mediaType();
            request.contentType(type);
            if (type.contains("json")) {
                request.body("{}");
            } else if (type.contains("x-www-form-urlencoded")) {
                request.body("x=1");
            } else {
                request.body("x".getBytes(StandardCharsets.UTF_8));
            }
        }
        return request;
    }
}
