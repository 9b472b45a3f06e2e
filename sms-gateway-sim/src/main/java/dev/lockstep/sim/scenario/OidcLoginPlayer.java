package dev.lockstep.sim.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

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

    /** {@code code}: the code that reached the user's phone (null: none came). */
    static Outcome play(Request request, Supplier<String> code) throws IOException, InterruptedException {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(2)).build();
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
        HttpResponse<String> answer = send(browser, request, "GET",
                URI.create(request.auth() + "/oauth2/authorize?" + form(params)), null);
        if (answer.statusCode() == 303) {
            Matcher page = FORM.matcher(send(browser, request, "GET", location(request, answer), null).body());
            if (!page.find()) {
                return new Outcome("REFUSED", null, List.of(), "no login page");
            }
            String login = request.auth() + page.group(1);
            answer = send(browser, request, "POST", URI.create(login + "/password"),
                    Map.of("username", request.username(), "password", request.password()));
            if (answer.statusCode() == 200 && !answer.body().contains("id=\"code\"")) {
                return new Outcome("REFUSED", null, List.of(), error(answer.body()));
            }
            if (answer.statusCode() == 200) {
                String received = code.get();
                if (received == null) {
                    return new Outcome("NO_CODE", null, List.of(), null);
                }
                answer = send(browser, request, "POST", URI.create(login + "/code"), Map.of("code", received));
                if (answer.statusCode() == 200) {
                    return new Outcome("CODE_REFUSED", null, List.of(), error(answer.body()));
                }
            }
        }
        Map<String, String> back = query(answer.headers().firstValue("Location").orElse(""));
        if (back.containsKey("error")) {
            return new Outcome(back.get("error"), null, List.of(), back.get("error_description"));
        }
        if (!state.equals(back.get("state")) || !back.containsKey("code")) {
            return new Outcome("REFUSED", null, List.of(), "no code came back (HTTP " + answer.statusCode() + ")");
        }
        HttpResponse<String> tokens = browser.send(HttpRequest.newBuilder(URI.create(request.auth() + "/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("grant_type", "authorization_code", "code",
                        back.get("code"),
                        "redirect_uri", request.redirectUri(), "client_id", request.clientId(), "code_verifier", verifier))))
                .build(), HttpResponse.BodyHandlers.ofString());
        JsonNode body = JSON.readTree(tokens.body());
        if (tokens.statusCode() != 200) {
            return new Outcome(body.path("error").asText("token-refused"), null, List.of(),
                    body.path("error_description").asText(null));
        }
        JsonNode id = JSON.readTree(Base64.getUrlDecoder().decode(body.get("id_token").asText().split("\\.")[1]));
        List<String> amr = new ArrayList<>();
        id.path("amr").forEach(m -> amr.add(m.asText()));
        return new Outcome("SUCCESS", id.path("acr").asText(null), amr, null);
    }

    private static HttpResponse<String> send(HttpClient browser, Request request, String method, URI uri,
            Map<String, String> form)
            throws IOException, InterruptedException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30));
        if (request.ip() != null) {
            builder.header("X-Forwarded-For", request.ip());
        }
        if (form != null) {
            builder.header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form(form)));
        } else {
            builder.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return browser.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI location(Request request, HttpResponse<String> answer) {
        return URI.create(request.auth()).resolve(answer.headers().firstValue("Location").orElseThrow());
    }

    private static String error(String page) {
        Matcher m = ERROR.matcher(page);
        return m.find() ? m.group(1) : null;
    }

    private static Map<String, String> query(String location) {
        Map<String, String> params = new LinkedHashMap<>();
        int start = location.indexOf('?');
        if (start < 0) {
            return params;
        }
        for (String pair : location.substring(start + 1).split("&")) {
            String[] kv = pair.split("=", 2);
            params.put(kv[0], kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
        }
        return params;
    }

    private static String form(Map<String, String> params) {
        return params.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
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
