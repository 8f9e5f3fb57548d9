package com.stadium.quota.quotaservice.signin;

import java.io.IOException;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.stadium.quota.quotaservice.config.QuotaServiceConfig;
import com.stadium.quota.web.InvalidInput;
import com.stadium.quota.web.Refusals;
import com.stadium.quota.web.Unavailable;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ForbiddenException;

/**
 * Starts a Keycloak session for a holder by impersonation and turns it into an authorization code for the caller's
 * client: {@code POST /admin/realms/{realm}/users/{id}/impersonation} answers with session cookies, and those cookies
 * at the realm's authorization endpoint give a code without a login page. The caller exchanges the code itself, so
 * this service never holds a client secret or the holder's tokens.
 */
@ApplicationScoped
public class KeycloakSessions {
    @Inject
    QuotaServiceConfig config;

    private static final Logger LOG = Logger.getLogger(KeycloakSessions.class);

    @ConfigProperty(name = "quarkus.keycloak.admin-client.realm", defaultValue = "quota")
    String realm;

    // redirects are read, never followed: the code is in the first Location
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(3)).build();

    private String keycloak() {
        return config.keycloak().url();
    }

    /** The realm holders sign in to. */
    public String realm() {
        return realm;
    }

    /**
     * An authorization code for the user, obtained with {@code bearer}'s right to impersonate them. Keycloak refusing
     * the impersonation is {@link ForbiddenException}; refusing the client or redirect is {@link InvalidInput}.
     */
    public String codeFor(String bearer, String userId, AuthorizationRequest request) {
        List<HttpCookie> session = impersonate(bearer, userId);
        return authorizationCode(session, request);
    }

    private List<HttpCookie> impersonate(String bearer, String userId) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(keycloak() + "/admin/realms/" + realm + "/users/"
                + URLEncoder.encode(userId, StandardCharsets.UTF_8) + "/impersonation"))
                .timeout(Duration.ofSeconds(5)).header("Authorization", "Bearer " + bearer)
                .POST(HttpRequest.BodyPublishers.noBody()).build();
        HttpResponse<String> response = send(request);
        if (response.statusCode() == 403 || response.statusCode() == 401) {
            Refusals.refused(403, "Keycloak refused the impersonation of user " + userId + ": "
                    + answer(response));
            throw new ForbiddenException("Keycloak refused the impersonation");
        }
        if (response.statusCode() != 200) {
            throw new Unavailable("keycloak", new IllegalStateException("impersonation answered "
                    + answer(response)));
        }
        List<HttpCookie> cookies = new ArrayList<>();
        response.headers().allValues("Set-Cookie").forEach(header -> cookies.addAll(HttpCookie.parse(header)));
        cookies.removeIf(c -> c.getMaxAge() == 0 || c.getValue().isEmpty());
        return cookies;
    }

    private String authorizationCode(List<HttpCookie> session, AuthorizationRequest auth) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("client_id", auth.clientId());
        query.put("response_type", "code");
        query.put("scope", "openid");
        query.put("redirect_uri", auth.redirectUri());
        query.put("state", auth.state());
        if (auth.codeChallenge() != null && !auth.codeChallenge().isBlank()) {
            query.put("code_challenge", auth.codeChallenge());
            query.put("code_challenge_method",
                    auth.codeChallengeMethod() == null ? "S256" : auth.codeChallengeMethod());
        }
        String url = keycloak() + "/realms/" + realm + "/protocol/openid-connect/auth?" + query.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).GET();
        if (!session.isEmpty()) {
            request.header("Cookie", session.stream().map(c -> c.getName() + "=" + c.getValue())
                    .collect(Collectors.joining("; ")));
        }
        HttpResponse<String> response = send(request.build());
        String location = response.headers().firstValue("Location").orElse(null);
        if (response.statusCode() != 302 || location == null || !location.startsWith(auth.redirectUri())) {
            // Keycloak shows an error page for an unknown client or a redirect it does not allow
            String page = response.body() == null ? "" : response.body();
            LOG.warnf("Keycloak refused the authorization request of client %s: %s", auth.clientId(),
                    answer(response));
            if (page.contains("redirect_uri") || page.contains("redirect uri")) {
                throw InvalidInput.of("redirectUri", "is not a redirect this client may use");
            }
            throw InvalidInput.of("clientId", "is not a client that may sign holders in");
        }
        Map<String, String> answer = queryOf(location);
        if (answer.containsKey("error")) {
            String field = answer.getOrDefault("error_description", "").contains("code_challenge")
                    ? "codeChallenge" : "clientId";
            throw InvalidInput.of(field, "was refused by Keycloak: " + answer.getOrDefault("error_description",
                    answer.get("error")));
        }
        if (!answer.containsKey("code")) {
            throw new Unavailable("keycloak", new IllegalStateException("no code in the redirect"));
        }
        return answer.get("code");
    }

    /** Keycloak's answer for the log: its status and the start of its body (an error, never a token or cookie). */
    static String answer(HttpResponse<String> response) {
        String body = response.body() == null ? "" : response.body().replaceAll("\\s+", " ");
        return response.statusCode() + " " + (body.length() > 200 ? body.substring(0, 200) + "…" : body);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new Unavailable("keycloak", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable("keycloak", e);
        }
    }

    private static Map<String, String> queryOf(String location) {
        Map<String, String> values = new LinkedHashMap<>();
        URI uri = URI.create(location);
        String query = uri.getRawQuery();
        if (query == null) {
            return values;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                values.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return values;
    }
}
