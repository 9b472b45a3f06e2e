package dev.lockstep.e2e.support;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lockstep.client.HttpJson;
import dev.lockstep.launcher.Service;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every operation the four services publish in their OpenAPI documents ({@code /q/openapi}), as the
 * fuzzing sees it: the service, method and path template, its path and query parameters, and the
 * media type and schema of its body (references resolved).
 */
public final class OpenApiOperations {

    /** A parameter by name; {@code type} is the schema's type ({@code string}, {@code integer}, …). */
    public record Param(String name, String type) {
    }

    public record Operation(Service service, String method, String path, List<Param> pathParams, List<Param> queryParams,
            String mediaType, JsonNode bodySchema, JsonNode components) {

        @Override
        public String toString() {
            return method + " " + service.moduleName() + path;
        }
    }

    /**
     * What the fuzzing leaves alone, and why: resets, key rotation and scenario loading change the
     * whole sandbox whatever the body (other tests share it); the streams and long polls hold a
     * request open by design.
     */
    private static final Set<String> LEFT_ALONE = Set.of(
            "POST /v1/admin/reset", "POST /v1/reset", "POST /v1/sandbox/reset", "POST /v1/admin/signing-keys/rotate",
            "POST /v1/scenarios", "POST /v1/scenarios/{file}/load", "POST /v1/scenario/next",
            "GET /v1/timeline/stream", "GET /v1/messages/events", "GET /v1/phones/{e164}/messages/next",
            "GET /v1/mailboxes/{address}/messages/next");

    private OpenApiOperations() {
    }

    public static List<Operation> of(Map<Service, String> baseUrls) {
        HttpJson http = new HttpJson(null);
        List<Operation> operations = new ArrayList<>();
        for (Map.Entry<Service, String> service : baseUrls.entrySet()) {
            HttpJson.Reply reply = http.send("GET", service.getValue() + "/q/openapi?format=json", null, null);
            if (reply.status() != 200) {
                throw new IllegalStateException(service.getKey() + " serves no OpenAPI document: " + reply.status());
            }
            read(service.getKey(), reply.body(), operations);
        }
        return operations;
    }

    private static void read(Service service, JsonNode document, List<Operation> into) {
        JsonNode components = document.path("components");
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields(); methods.hasNext();) {
                Map.Entry<String, JsonNode> method = methods.next();
                String verb = method.getKey().toUpperCase(Locale.ROOT);
                if (!Set.of("GET", "POST", "PUT", "DELETE", "PATCH").contains(verb)
                        || LEFT_ALONE.contains(verb + " " + path.getKey())) {
                    continue;
                }
                JsonNode operation = method.getValue();
                List<Param> pathParams = new ArrayList<>();
                List<Param> queryParams = new ArrayList<>();
                for (JsonNode parameter : operation.path("parameters")) {
                    Param param = new Param(parameter.path("name").asText(),
                            parameter.path("schema").path("type").asText("string"));
                    switch (parameter.path("in").asText()) {
                        case "path" -> pathParams.add(param);
                        case "query" -> queryParams.add(param);
                        default -> {
                            // headers and cookies: the fuzzing varies the ones every request may carry
                        }
                    }
                }
                // the template names every path parameter, also one the document forgot to declare
                Matcher names = Pattern.compile("\\{([^}]+)}").matcher(path.getKey());
                while (names.find()) {
                    String name = names.group(1);
                    if (pathParams.stream().noneMatch(p -> p.name().equals(name))) {
                        pathParams.add(new Param(name, "string"));
                    }
                }
                String mediaType = null;
                JsonNode schema = null;
                Iterator<Map.Entry<String, JsonNode>> content = operation.path("requestBody").path("content").fields();
                if (content.hasNext()) {
                    Map.Entry<String, JsonNode> first = content.next();
                    mediaType = first.getKey();
                    schema = resolve(first.getValue().path("schema"), components);
                }
                into.add(new Operation(service, verb, path.getKey(), pathParams, queryParams, mediaType, schema, components));
            }
        }
    }

    /** The schema itself, following a {@code $ref} into the components. */
    public static JsonNode resolve(JsonNode schema, JsonNode components) {
        JsonNode current = schema;
        for (int hops = 0; current != null && current.has("$ref") && hops < 10; hops++) {
            String ref = current.get("$ref").asText();
            current = components.path("schemas").path(ref.substring(ref.lastIndexOf('/') + 1));
        }
        return current;
    }
}
