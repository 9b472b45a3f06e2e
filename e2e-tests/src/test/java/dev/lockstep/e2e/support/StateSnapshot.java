package dev.lockstep.e2e.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lockstep.client.HttpJson;
import dev.lockstep.launcher.Service;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an operator can see of a service's settings and records, read through its admin API: equal
 * before and after a refused request, or the refusal changed something. Only what no timer moves
 * (settings, rules, clients, the audit trails, the clock), so that an equal snapshot means "nothing
 * changed" and a different one means a request changed it.
 */
public final class StateSnapshot {

    private static final Map<Service, List<String>> READS = Map.of(
            Service.AUTH, List.of("/v1/admin/lockout", "/v1/admin/risk", "/v1/admin/clients", "/v1/admin/idp-faults",
                    "/v1/admin/audit", "/v1/clock"),
            Service.OTP, List.of("/v1/admin/code-policies/sms", "/v1/admin/code-policies/voice", "/v1/clock"),
            Service.SIM, List.of("/v1/faults", "/v1/seed", "/v1/clock"),
            Service.RECOVERY, List.of("/v1/admin/recovery/settings", "/v1/admin/recovery/audit", "/v1/clock"));

    private StateSnapshot() {
    }

    /** What differs between two snapshots, read by read ("" when nothing does). */
    public static String difference(Map<String, JsonNode> before, Map<String, JsonNode> after) {
        StringBuilder text = new StringBuilder();
        for (Map.Entry<String, JsonNode> read : before.entrySet()) {
            JsonNode now = after.get(read.getKey());
            if (!read.getValue().equals(now)) {
                text.append(read.getKey()).append(": ").append(abbreviate(read.getValue())).append(" became ")
                        .append(abbreviate(now)).append("; ");
            }
        }
        return text.toString();
    }

    private static String abbreviate(JsonNode node) {
        String text = String.valueOf(node);
        return text.length() > 400 ? text.substring(0, 400) + "…" : text;
    }

    public static Map<String, JsonNode> of(Service service, String baseUrl, String adminToken, HttpJson http) {
        Map<String, JsonNode> snapshot = new LinkedHashMap<>();
        for (String path : READS.get(service)) {
            HttpJson.Reply reply = http.send("GET", baseUrl + path, null, adminToken);
            JsonNode body = reply.status() == 200 ? reply.body() : HttpJson.parse("\"status " + reply.status() + "\"");
            if (path.equals("/v1/clock") && body.isObject()) {
                ((ObjectNode) body).remove("now"); // moves by itself; the offset and revision do not
            }
            snapshot.put(path, body);
        }
        return snapshot;
    }
}
