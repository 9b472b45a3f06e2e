package dev.lockstep.e2e.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lockstep.client.HttpJson;
import dev.lockstep.e2e.support.OpenApiOperations.Operation;
import dev.lockstep.e2e.support.OpenApiOperations.Param;
import dev.lockstep.launcher.Service;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Requests a well-behaved client would not send, made for an operation from its OpenAPI entry:
 * odd path segments and query values, bodies of the wrong types, with fields missing or extra,
 * huge or deeply nested, not JSON, not UTF-8 or of another content type, wrong or missing tokens,
 * odd forwarding and operator headers.
 */
public final class BadRequests {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One request: what it is, for the report when an invariant breaks. */
    public record BadRequest(Operation operation, String url, Map<String, String> headers, byte[] body, String what) {

        public boolean changesState() {
            return !"GET".equals(operation.method());
        }

        @Override
        public String toString() {
            return operation + " as " + url + " " + headers.keySet() + ": " + what;
        }
    }

    private BadRequests() {
    }

    private static final List<String> SEGMENTS = List.of("x", "0", "-1", "00000000-0000-0000-0000-000000000000",
            "a".repeat(300), "b".repeat(3000), "山田太郎", "+819012345678", "' OR '1'='1", "<script>alert(1)</script>",
            "..", "../../etc/passwd", "a/b", " ", "\u0000", "%00", "😀", "null", "sms", "email");

    private static final List<String> QUERY_VALUES = List.of("abc", "-1", "0", "99999999999999999999", "", "P-1D",
            "%", "null", "c".repeat(3000), "1e309", "true", "PT99999999H");

    public static Arbitrary<BadRequest> against(List<Operation> operations, Map<Service, String> baseUrls, String adminToken,
            String internalToken) {
        return Arbitraries.of(operations).flatMap(operation -> Combinators.combine(
                segments(operation), query(operation), body(operation), token(operation, adminToken, internalToken),
                oddHeaders()).as((segments, query, body, token, headers) -> {
                    String path = operation.path();
                    for (int i = 0; i < operation.pathParams().size(); i++) {
                        path = path.replace("{" + operation.pathParams().get(i).name() + "}",
                                HttpJson.encode(segments.get(i)));
                    }
                    Map<String, String> all = new LinkedHashMap<>(headers);
                    if (token != null) {
                        all.put("Authorization", token);
                    }
                    if (body.contentType() != null) {
                        all.put("Content-Type", body.contentType());
                    }
                    return new BadRequest(operation, baseUrls.get(operation.service()) + path + query, all, body.bytes(),
                            body.what() + (token == null ? ", no token" : token.contains("garbage") ? ", a wrong token" : ""));
                }));
    }

    private static Arbitrary<List<String>> segments(Operation operation) {
        return Arbitraries.oneOf(Arbitraries.of(SEGMENTS), Arbitraries.strings().alpha().numeric().ofMinLength(1)
                .ofMaxLength(40)).list().ofSize(operation.pathParams().size());
    }

    private static Arbitrary<String> query(Operation operation) {
        List<Arbitrary<String>> parts = new ArrayList<>();
        for (Param param : operation.queryParams()) {
            parts.add(Arbitraries.oneOf(Arbitraries.just(""), Arbitraries.of(QUERY_VALUES)
                    .map(value -> param.name() + "=" + HttpJson.encode(value))));
        }
        parts.add(Arbitraries.of("", "unknown=1", "limit=1&limit=2"));
        return Combinators.combine(parts).as(values -> {
            String joined = String.join("&", values.stream().filter(v -> !v.isEmpty()).toList());
            return joined.isEmpty() ? "" : "?" + joined;
        });
    }

    private static Arbitrary<String> token(Operation operation, String adminToken, String internalToken) {
        String right = "Bearer " + (operation.path().startsWith("/v1/internal/") ? internalToken : adminToken);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(17, Arbitraries.just(right)),
                net.jqwik.api.Tuple.of(2, Arbitraries.just("Bearer garbage.garbage.garbage")),
                net.jqwik.api.Tuple.of(1, Arbitraries.just((String) null)));
    }

    private static Arbitrary<Map<String, String>> oddHeaders() {
        return Arbitraries.of(
                Map.of(),
                Map.of(),
                Map.of("X-Forwarded-For", "not an address"),
                Map.of("X-Forwarded-For", "999.1.1.1, ::zz"),
                Map.of("X-Lockstep-Operator", "o".repeat(200)),
                Map.of("X-Correlation-Id", "c".repeat(500)),
                Map.of("Accept", "application/xml"),
                Map.of("User-Agent", "u".repeat(2000)));
    }

    /** A body, its content type (null: none sent) and what it is. */
    public record Body(byte[] bytes, String contentType, String what) {

        public static Body json(String text, String what) {
            return new Body(text.getBytes(StandardCharsets.UTF_8), "application/json", what);
        }
    }

    private static Arbitrary<Body> body(Operation operation) {
        if (operation.mediaType() == null) {
            return Arbitraries.of(new Body(null, null, "no body"),
                    Body.json("{\"unexpected\":true}", "a body where none is taken"));
        }
        if (operation.mediaType().contains("json")) {
            return jsonBodies(operation.bodySchema(), operation.components());
        }
        return formBodies();
    }

    private static Arbitrary<Body> jsonBodies(JsonNode schema, JsonNode components) {
        List<Arbitrary<Body>> kinds = new ArrayList<>(List.of(
                Arbitraries.just(new Body(null, "application/json", "no body")),
                Arbitraries.just(Body.json("null", "JSON null")),
                Arbitraries.just(Body.json("[]", "an array")),
                Arbitraries.just(Body.json("\"text\"", "a string")),
                Arbitraries.just(Body.json("{}", "every field missing")),
                Arbitraries.just(Body.json("{\"unexpected\":1}", "an unknown field")),
                Arbitraries.just(Body.json("{\"a\":", "broken JSON")),
                Arbitraries.just(Body.json("[".repeat(5000) + "]".repeat(5000), "arrays nested 5000 deep")),
                Arbitraries.just(Body.json("{\"a\":\"" + "x".repeat(600_000) + "\"}", "a 600 kB body")),
                Arbitraries.just(new Body(new byte[] { '{', '"', 'a', '"', ':', '"', (byte) 0xC3, '(', '"', '}' },
                        "application/json", "not UTF-8")),
                Arbitraries.just(new Body("{}".getBytes(StandardCharsets.UTF_8), "text/plain", "JSON as text/plain")),
                Arbitraries.just(new Body("<a/>".getBytes(StandardCharsets.UTF_8), "application/xml", "XML"))));
        List<String> fields = fieldsOf(schema, components);
        if (!fields.isEmpty()) {
            kinds.add(Arbitraries.of(WRONG_VALUES).list().ofSize(fields.size()).map(values -> {
                ObjectNode body = JSON.createObjectNode();
                for (int i = 0; i < fields.size(); i++) {
                    body.set(fields.get(i), values.get(i));
                }
                return Body.json(body.toString(), "every field of the wrong type: " + body);
            }));
            kinds.add(Arbitraries.of(fields).map(field -> Body.json("{\"" + field + "\":\"" + "y".repeat(100_000) + "\"}",
                    "a 100 000-character " + field)));
            kinds.add(Arbitraries.of(fields).map(field -> Body.json("{\"" + field + "\":1,\"" + field + "\":\"again\"}",
                    "a duplicate " + field)));
        }
        return Arbitraries.oneOf(kinds);
    }

    private static final List<JsonNode> WRONG_VALUES = wrongValues();

    private static List<JsonNode> wrongValues() {
        ArrayNode nested = JSON.createArrayNode().add(JSON.createObjectNode().put("x", 1));
        return List.of(JSON.getNodeFactory().numberNode(12345), JSON.getNodeFactory().booleanNode(true), nested,
                JSON.createObjectNode().put("nested", "object"), JSON.getNodeFactory().textNode("not-a-duration"),
                JSON.getNodeFactory().numberNode(new BigInteger("99999999999999999999999")),
                JSON.getNodeFactory().numberNode(-1), JSON.getNodeFactory().textNode(""),
                JSON.getNodeFactory().nullNode(), JSON.getNodeFactory().textNode("z".repeat(5000)),
                JSON.getNodeFactory().textNode("nul\u0000byte"));
    }

    private static List<String> fieldsOf(JsonNode schema, JsonNode components) {
        List<String> fields = new ArrayList<>();
        if (schema == null) {
            return fields;
        }
        JsonNode resolved = OpenApiOperations.resolve(schema, components);
        for (Iterator<String> names = resolved.path("properties").fieldNames(); names.hasNext();) {
            fields.add(names.next());
        }
        return fields;
    }

    private static Arbitrary<Body> formBodies() {
        String form = "application/x-www-form-urlencoded";
        return Arbitraries.of(
                new Body(null, form, "no form"),
                new Body("grant_type=".getBytes(StandardCharsets.UTF_8), form, "empty fields"),
                new Body("grant_type=authorization_code&code=%zz&redirect_uri=%".getBytes(StandardCharsets.UTF_8), form,
                        "broken percent-encoding"),
                new Body(("code=" + "q".repeat(200_000)).getBytes(StandardCharsets.UTF_8), form, "a 200 000-character field"),
                new Body("grant_type=password&grant_type=refresh_token&token=a&token=b".getBytes(StandardCharsets.UTF_8), form,
                        "repeated fields"),
                new Body("{\"grant_type\":\"client_credentials\"}".getBytes(StandardCharsets.UTF_8), "application/json",
                        "JSON where a form is taken"),
                new Body(new byte[] { 'c', 'o', 'd', 'e', '=', (byte) 0xFF, (byte) 0xFE }, form, "not UTF-8"),
                new Body("grant_type=authorization_code&client_id=%00&code=%00&token=%00&redirect_uri=%00"
                        .getBytes(StandardCharsets.UTF_8), form, "NUL characters"));
    }
}
