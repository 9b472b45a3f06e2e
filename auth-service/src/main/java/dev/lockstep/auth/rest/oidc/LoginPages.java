package dev.lockstep.auth.rest.oidc;

import dev.lockstep.auth.config.AuthConfig;
import dev.lockstep.auth.domain.OidcAuthorization;
import dev.lockstep.auth.service.oidc.HostedLogin;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * Renders the hosted login's pages (Qute, English and Japanese message bundles, no JavaScript) and
 * its cookies: {@code lockstep_login} ties one sign-in to the browser that started it (its path is
 * that sign-in's pages), {@code lockstep_sso} is the browser's session afterwards, and
 * {@code lockstep_device} names the device for the risk engine.
 */
@ApplicationScoped
public class LoginPages {

    static final String LOGIN_COOKIE = "lockstep_login";
    static final String SSO_COOKIE = "lockstep_sso";
    static final String DEVICE_COOKIE = "lockstep_device";
    private static final List<String> LANGUAGES = List.of("en", "ja");

    private final AuthConfig config;

    public LoginPages(AuthConfig config) {
        this.config = config;
    }

    @Location("oidc/password.html")
    Template password;

    @Location("oidc/code.html")
    Template code;

    @Location("oidc/error.html")
    Template error;

    @Location("oidc/signed-out.html")
    Template signedOut;

    /** A step's answer: a 303 back to the application (the login cookie becomes the SSO cookie), or a page. */
    Response step(String id, HostedLogin.Step step, String browserSecret, HttpHeaders headers) {
        if (step.redirect() != null) {
            return Response.seeOther(step.redirect())
                    .cookie(cookie(SSO_COOKIE, browserSecret, "/oauth2", -1),
                            cookie(LOGIN_COOKIE, "", "/oauth2/login/" + id, 0))
                    .header(HttpHeaders.CACHE_CONTROL, "no-store").build();
        }
        HostedLogin.Page page = step.page();
        Template template = "code".equals(page.view()) ? code : password;
        TemplateInstance instance = template.data("page", page).data("a", page.authorization())
                .data("action", "/oauth2/login/" + page.authorization().id)
                .data("recoveryUrl", config.oidc().recoveryUrl());
        return html(200, instance.setLocale(locale(page.authorization(), headers)));
    }

    Response error(int status, String reason, String description, HttpHeaders headers) {
        return html(status, error.data("reason", reason).data("description", description).setLocale(locale(null, headers)));
    }

    Response signedOut(HttpHeaders headers) {
        return html(200, signedOut.instance().setLocale(locale(null, headers)));
    }

    static NewCookie cookie(String name, String value, String path, int maxAge) {
        return new NewCookie.Builder(name).value(value).path(path).maxAge(maxAge).httpOnly(true)
                .sameSite(NewCookie.SameSite.LAX).build();
    }

    /** Opens a sign-in's pages in this browser. */
    static Response open(OidcAuthorization authorization, String browserSecret) {
        String path = "/oauth2/login/" + authorization.id;
        return Response.seeOther(URI.create(path)).cookie(cookie(LOGIN_COOKIE, browserSecret, path, -1))
                .header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    /** {@code ui_locales} first, then {@code Accept-Language}, then English. */
    private static Locale locale(OidcAuthorization authorization, HttpHeaders headers) {
        if (authorization != null && authorization.uiLocale != null && LANGUAGES.contains(authorization.uiLocale)) {
            return Locale.forLanguageTag(authorization.uiLocale);
        }
        if (headers != null) {
            for (Locale wanted : headers.getAcceptableLanguages()) {
                if (LANGUAGES.contains(wanted.getLanguage())) {
                    return Locale.forLanguageTag(wanted.getLanguage());
                }
            }
        }
        return Locale.ENGLISH;
    }

    private static Response html(int status, TemplateInstance page) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(page.render())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header("Content-Security-Policy", "default-src 'self'; script-src 'none'; frame-ancestors 'none'")
                .header("X-Frame-Options", "DENY").build();
    }
}
