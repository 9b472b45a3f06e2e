package dev.lockstep.auth;

import static io.restassured.RestAssured.given;

import io.restassured.http.Cookie;
import io.restassured.response.Response;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A browser for the hosted login: keeps cookies, follows no redirect by itself. */
final class Browser {

    private static final Pattern ACTION = Pattern.compile("action=\"(/oauth2/login/[^\"]+)/password\"");
    final Map<String, String> cookies = new HashMap<>();

    Response get(String url) {
        return keep(given().urlEncodingEnabled(false).redirects().follow(false).cookies(cookies).get(url));
    }

    Response post(String url, Map<String, String> form) {
        return keep(given().redirects().follow(false).cookies(cookies).contentType("application/x-www-form-urlencoded")
                .formParams(form).post(url));
    }

    /** Follows redirects within the provider until a page or a redirect to the application. */
    Response follow(Response response) {
        while (response.statusCode() / 100 == 3 && response.header("Location").contains("/oauth2/")) {
            response = get(response.header("Location"));
        }
        return response;
    }

    /** The sign-in's page path from a login page. */
    static String loginPath(Response page) {
        Matcher m = ACTION.matcher(page.asString());
        if (!m.find()) {
            throw new AssertionError("not a password page: " + page.asString());
        }
        return m.group(1);
    }

    /** A query parameter of a redirect's Location. */
    static String param(Response redirect, String name) {
        String query = URI.create(redirect.header("Location")).getRawQuery();
        for (String pair : query.split("&")) {
            String[] kv = pair.split("=", 2);
            if (kv[0].equals(name)) {
                return URLDecoder.decode(kv[1], StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private Response keep(Response response) {
        for (Cookie cookie : response.getDetailedCookies()) {
            if (cookie.getMaxAge() == 0) {
                cookies.remove(cookie.getName());
            } else {
                cookies.put(cookie.getName(), cookie.getValue());
            }
        }
        return response;
    }
}
