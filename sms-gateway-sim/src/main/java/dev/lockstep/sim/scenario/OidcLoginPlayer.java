package dev.lockstep.sim.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lockstep.platform.http.OutgoingHttp;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.QueryStringEncoder;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A scenario's {@code oidc-login} step: an application and its user's browser run the code flow with
 * PKCE against auth-service — authorization request, the hosted login's password page, the code from
 * the phone, the redirect back, the code exchange — and report how it ended: {@code SUCCESS} (with
 * the ID token's {@code acr} and {@code amr}), {@code REFUSED} (the password page said no),
 * {@code CODE_REFUSED}, {@code NO_CODE}, or the OAuth error the application got back.
 */
final class OidcLoginPlayer {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern FORM = Pattern.compile("action=\"(/oauth2/login/[A-Za-z0-9_-]{43})/password\"");
    private static final Pattern ERROR = Pattern.compile("id=\"error\">\\s*([^<]*?)\\s*<");
    private static final SecureRandom RANDOM = new SecureRandom();

    /** How the flow ended; {@code detail}: the page's error text or the OAuth error description. */
    record Outcome(String status, String acr, List<String> amr, String detail) {
    }

    /** What the application knows: the provider, its client id and redirect URI; the user's details. */
    record Request(String auth, String clientId, String redirectUri, String username, String password, String acr, String ip) {
    }

    private OidcLoginPlayer() {
    }

    /**
     * {@code browser}: a fresh one, with no cookies; {@code code}: the code that reached the user's phone (null: none came).
     */
    static Outcome play(OutgoingHttp.Browser browser, Request request, Supplier<String> code) throws IOException {
        String verifier = random();
        String state = random();
        Map<String, String> params = new LinkedHashMap<>();
        params.put("response_type", "code");
        params.put("client_id", request.clientId());
        params.put("redirect_uri", request.redirectUri());
        params.put("scope", "openid profile");
        params.put("state", state);
        params.put("nonce", random());
        params.put("code_challenge", s256(verifier));
        params.put("code_challenge_method", "S256");
        if (request.acr() != null) {
            params.put("acr_values", request.acr());
        }
        QueryStringEncoder authorize = new QueryStringEncoder(request.auth() + "/oauth2/authorize");
        params.forEach(authorize::addParam);
        HttpResponse<Buffer> answer = send(browser, request, authorize.toString(), null);
        if (answer.statusCode() == 303) {
            Matcher page = FORM.matcher(body(send(browser, request, location(request, answer), null)));
            if (!page.find()) {
                return new Outcome("REFUSED", null, List.of(), "no login page");
            }
            String login = request.auth() + page.group(1);
            answer = send(browser, request, login + "/password",
                    Map.of("username", request.username(), "password", request.password()));
            if (answer.statusCode() == 200 && !body(answer).contains("id=\"code\"")) {
                return new Outcome("REFUSED", null, List.of(), error(body(answer)));
            }
            if (answer.statusCode() == 200) {
                String received = code.get();
                if (received == null) {
                    return new Outcome("NO_CODE", null, List.of(), null);
                }
                answer = send(browser, request, login + "/code", Map.of("code", received));
                if (answer.statusCode() == 200) {
                    return new Outcome("CODE_REFUSED", null, List.of(), error(body(answer)));
                }
            }
        }
        Map<String, String> back = query(Objects.requireNonNullElse(answer.getHeader("Location"), ""));
        if (back.containsKey("error")) {
            return new Outcome(back.get("error"), null, List.of(), back.get("error_description"));
        }
        if (!state.equals(back.get("state")) || !back.containsKey("code")) {
            return new Outcome("REFUSED", null, List.of(), "no code came back (HTTP " + answer.statusCode() + ")");
        }
        HttpResponse<Buffer> tokens = OutgoingHttp.await(browser
                .request(HttpMethod.POST, request.auth() + "/oauth2/token", Duration.ofSeconds(30))
                .sendForm(MultiMap.caseInsensitiveMultiMap().add("grant_type", "authorization_code")
                        .add("code", back.get("code")).add("redirect_uri", request.redirectUri())
                        .add("client_id", request.clientId()).add("code_verifier", verifier)));
        JsonNode body = JSON.readTree(body(tokens));
        if (tokens.statusCode() != 200) {
            return new Outcome(body.path("error").asText("token-refused"), null, List.of(),
                    body.path("error_description").asText(null));
        }
        JsonNode id = JSON.readTree(Base64.getUrlDecoder().decode(body.get("id_token").asText().split("\\.")[1]));
        List<String> amr = new ArrayList<>();
        id.path("amr").forEach(m -> amr.add(m.asText()));
        return new Outcome("SUCCESS", id.path("acr").asText(null), amr, null);
    }

    /** A GET, or with a {@code form} its POST, as the user's browser sends it. */
    private static HttpResponse<Buffer> send(OutgoingHttp.Browser browser, Request request, String url,
            Map<String, String> form) throws IOException {
        HttpRequest<Buffer> builder = browser.request(form != null ? HttpMethod.POST : HttpMethod.GET, url,
                Duration.ofSeconds(30));
        if (request.ip() != null) {
            builder.putHeader("X-Forwarded-For", request.ip());
        }
        if (form == null) {
            return OutgoingHttp.await(builder.send());
        }
        MultiMap fields = MultiMap.caseInsensitiveMultiMap();
        form.forEach(fields::add);
        return OutgoingHttp.await(builder.sendForm(fields));
    }

    private static String body(HttpResponse<Buffer> answer) {
        return Objects.requireNonNullElse(answer.bodyAsString(), "");
    }

    private static String location(Request request, HttpResponse<Buffer> answer) {
        return URI.create(request.auth()).resolve(Objects.requireNonNull(answer.getHeader("Location"), "Location"))
                .toString();
    }

    private static String error(String page) {
        Matcher m = ERROR.matcher(page);
        return m.find() ? m.group(1) : null;
    }

    /** The first value of each parameter of the redirect's query. */
    private static Map<String, String> query(String location) {
        Map<String, String> params = new LinkedHashMap<>();
        new QueryStringDecoder(location).parameters().forEach((name, values) -> params.put(name, values.get(0)));
        return params;
    }

    private static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String s256(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
