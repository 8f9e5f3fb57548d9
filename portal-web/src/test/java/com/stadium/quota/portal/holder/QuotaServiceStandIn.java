package com.stadium.quota.portal.holder;

import static io.restassured.RestAssured.given;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.stadium.quota.testing.TestStack;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/**
 * Plays quota-service for portal-web's own tests (quota-service does not run beside this module; the system tests
 * run the real one). Its redemption is real where it matters: it signs the holder in through the test stack's
 * Keycloak by impersonation, with quota-service's service account, exactly as quota-service does. A token
 * {@link #GOOD} opens holder@club.example's session, {@link #MASQUERADE} the same as the admin would; any other is
 * refused as quota-service refuses; {@link #HUGO} opens holder2@club.example's. The holder API checks the bearer
 * token at Keycloak and lists by its email: Hanna holds {@link #QUOTA} and passed {@link #SUBQUOTA} on to Hugo, who
 * also holds {@link #QUOTA2}. Hanna's {@link #TRANSFERABLE} quota has one sold ticket {@link #SOLD} whose attendee she
 * may change ({@code PUT …/tickets/{id}/attendee}, answered as quota-service does: 400 by field, 409 on a stale
 * version with the current card).
 */
public class QuotaServiceStandIn implements QuarkusTestResourceLifecycleManager {

    public static final String GOOD = "Good0Deeplink0Token0For0Hanna0Holder0000000";
    public static final String MASQUERADE = "Masquerade0Token0Admin0As0Hanna0Holder00000";
    /** A link whose redemption fails at Keycloak: the answer echoes the token, which must still never be logged. */
    public static final String KEYCLOAK_DOWN = "Keycloak0Down0Token0For0Hanna0Holder0000000";
    public static final String HUGO = "Good0Deeplink0Token0For0Hugo0Holder000000000";
    public static final String MATCH = "FC Example vs Rivals United";
    public static final String QUOTA = "7d0f3c2e-5b1a-4c8e-9f2d-1a2b3c4d5e6f";
    public static final String SUBQUOTA = "7d0f3c2e-5b1a-4c8e-9f2d-5b5b5b5b5b5b";
    public static final String QUOTA2 = "7d0f3c2e-5b1a-4c8e-9f2d-222222222222";
    public static final String TRANSFERABLE = "7d0f3c2e-5b1a-4c8e-9f2d-333333333333";
    public static final String SOLD = "0e6f2a7c-3333-4c8e-9f2d-1a2b3c4d5e6f";
    private static final String REALM = TestStack.keycloakUrl() + "/realms/quota";
    private static final ObjectMapper JSON = new ObjectMapper();

    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/api/invitations/redeem", this::redeem);
        server.createContext("/api/holder/quotas", this::quotas);
        server.createContext("/api/admin/masquerade", this::masquerade);
        server.createContext("/api/admin/imports", this::imports);
        server.start();
        return Map.of("quarkus.rest-client.quota-service.url", "http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void stop() {
        server.stop(0);
    }

    /** The correlation id of the last redemption portal-web asked for. */
    static volatile String lastRedeemRequestId;

    private void redeem(HttpExchange exchange) throws IOException {
        lastRedeemRequestId = exchange.getRequestHeaders().getFirst("X-Request-Id");
        @SuppressWarnings("unchecked")
        Map<String, String> body = JSON.readValue(exchange.getRequestBody(), Map.class);
        String token = body.get("token");
        if (KEYCLOAK_DOWN.equals(token)) {
            answer(exchange, 503, Map.of("title", "Try again later", "status", 503, "reference", "from-quota-service",
                    "violations", List.of(Map.of("field", "keycloak", "message", "does not answer right now (token "
                            + token + ")"))));
            return;
        }
        if (HUGO.equals(token)) {
            signIn(exchange, body, serviceAccountToken(), "holder2@club.example");
            return;
        }
        if (!GOOD.equals(token) && !MASQUERADE.equals(token)) {
            answer(exchange, 404, Map.of("title", "Not found", "status", 404, "violations", List.of(Map.of(
                    "field", "token", "message", "this link is not valid (any more); ask the club for a new one"))));
            return;
        }
        String impersonator = GOOD.equals(token) ? serviceAccountToken() : passwordToken("admin", "admin");
        signIn(exchange, body, impersonator, "holder@club.example");
    }

    /** The stand-in knows no import (404, like its other admin writes); it reads the upload first, as a server does. */
    private void imports(HttpExchange exchange) throws IOException {
        exchange.getRequestBody().transferTo(OutputStream.nullOutputStream());
        answer(exchange, 404, Map.of("title", "Not found", "status", 404));
    }

    /** Like quota-service: the holder looked up with the service account, impersonated with the admin's token. */
    private void masquerade(HttpExchange exchange) throws IOException {
        @SuppressWarnings("unchecked")
        Map<String, String> body = JSON.readValue(exchange.getRequestBody(), Map.class);
        String bearer = exchange.getRequestHeaders().getFirst("Authorization");
        if (bearer == null || !bearer.startsWith("Bearer ")) {
            answer(exchange, 401, Map.of());
            return;
        }
        signIn(exchange, body, bearer.substring(7), body.get("holderEmail"));
    }

    private void signIn(HttpExchange exchange, Map<String, String> body, String impersonator, String email)
            throws IOException {
        List<String> holders = given().auth().oauth2(serviceAccountToken()).queryParam("email", email)
                .queryParam("exact", true).get(TestStack.keycloakUrl() + "/admin/realms/quota/users")
                .then().statusCode(200).extract().path("id");
        if (holders.isEmpty()) {
            answer(exchange, 404, Map.of("violations", List.of(Map.of("field", "holderEmail",
                    "message", "is not the email of a holder"))));
            return;
        }
        String holderId = holders.get(0);
        ExtractableResponse<Response> session = given().auth().oauth2(impersonator)
                .post(TestStack.keycloakUrl() + "/admin/realms/quota/users/{id}/impersonation", holderId)
                .then().extract();
        if (session.statusCode() != 200) {
            answer(exchange, 403, Map.of());
            return;
        }
        String cookies = session.cookies().entrySet().stream().map(c -> c.getKey() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
        var auth = given().redirects().follow(false).header("Cookie", cookies)
                .queryParam("client_id", body.get("clientId")).queryParam("response_type", "code")
                .queryParam("scope", "openid").queryParam("redirect_uri", body.get("redirectUri"))
                .queryParam("state", body.get("state"));
        if (body.get("codeChallenge") != null) {
            auth.queryParam("code_challenge", body.get("codeChallenge"))
                    .queryParam("code_challenge_method", body.get("codeChallengeMethod"));
        }
        String location = auth.get(REALM + "/protocol/openid-connect/auth").then().statusCode(302).extract()
                .header("Location");
        String code = location.replaceAll(".*[?&]code=([^&]+).*", "$1");
        answer(exchange, 200, Map.of("code", code, "redirectUri", body.get("redirectUri"), "state", body.get("state"),
                "quotaId", "7d0f3c2e-5b1a-4c8e-9f2d-1a2b3c4d5e6f", "email", email));
    }

    /** While set, the holder API answers 503 as a quota-service in trouble would. */
    static volatile boolean failing;

    private void quotas(HttpExchange exchange) throws IOException {
        if (failing) {
            answer(exchange, 503, Map.of("title", "Try again later", "status", 503));
            return;
        }
        String bearer = exchange.getRequestHeaders().getFirst("Authorization");
        var userinfo = bearer == null ? null : given().header("Authorization", bearer)
                .get(REALM + "/protocol/openid-connect/userinfo");
        if (userinfo == null || userinfo.statusCode() != 200) {
            answer(exchange, 401, Map.of());
            return;
        }
        boolean hugo = "holder2@club.example".equals(userinfo.path("email"));
        List<Map<String, Object>> mine = hugo
                ? List.of(quota(QUOTA2, List.of()), quota(SUBQUOTA, List.of()))
                : List.of(quota(QUOTA, List.of(Map.of("id", SUBQUOTA, "recipientEmail", "holder2@club.example",
                        "recipientName", "Hugo Holder", "state", "ALLOCATED", "ticketCounts", Map.of("ALLOCATED", 1)))),
                        transferable());
        String path = exchange.getRequestURI().getPath();
        if (path.endsWith("/" + TRANSFERABLE + "/tickets/" + SOLD + "/attendee") && !hugo) {
            reassign(exchange);
            return;
        }
        if (path.endsWith("/" + TRANSFERABLE)) {
            answer(exchange, hugo ? 404 : 200, Map.of("quota", transferable(), "tickets",
                    List.of(sold())));
            return;
        }
        for (Map<String, Object> quota : mine) {
            if (path.endsWith("/" + quota.get("id"))) {
                answer(exchange, 200, Map.of("quota", quota, "tickets", List.of(
                        ticket("0e6f2a7c-1111-4c8e-9f2d-1a2b3c4d5e6f", "17"),
                        ticket("0e6f2a7c-2222-4c8e-9f2d-1a2b3c4d5e6f", "18"))));
                return;
            }
        }
        if (path.endsWith("/quotas")) {
            answer(exchange, 200, mine);
        } else {
            answer(exchange, 404, Map.of("title", "Not found", "status", 404));
        }
    }

    /** Who {@link #SOLD} is for now, and its attendee version; tests set it back with {@link #resetSold}. */
    public static volatile String[] attendee = {"Gus Guest", "gus@friends.example"};
    public static volatile int version;

    public static void resetSold() {
        attendee = new String[] {"Gus Guest", "gus@friends.example"};
        version = 0;
    }

    private void reassign(HttpExchange exchange) throws IOException {
        @SuppressWarnings("unchecked")
        Map<String, Object> body = JSON.readValue(exchange.getRequestBody(), Map.class);
        String name = String.valueOf(body.getOrDefault("name", "")).trim();
        String email = String.valueOf(body.getOrDefault("email", "")).trim();
        List<Map<String, String>> violations = new ArrayList<>();
        if (name.isEmpty()) {
            violations.add(Map.of("field", "name", "message", "must not be blank"));
        }
        if (!email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            violations.add(Map.of("field", "email", "message", "is not an email address"));
        } else if (email.equalsIgnoreCase(attendee[1])) {
            violations.add(Map.of("field", "email", "message", "is the ticket's attendee already"));
        }
        if (!violations.isEmpty()) {
            answer(exchange, 400, Map.of("status", 400, "violations", violations));
            return;
        }
        synchronized (QuotaServiceStandIn.class) {
            if (!Integer.valueOf(version).equals(body.get("attendeeVersion"))) {
                answer(exchange, 409, Map.of("status", 409, "violations", List.of(Map.of("field", "attendeeVersion",
                        "message", "changed meanwhile; it is for " + attendee[0] + " now")), "current", sold()));
                return;
            }
            attendee = new String[] {name, email};
            version++;
        }
        answer(exchange, 200, sold());
    }

    private static Map<String, Object> transferable() {
        Map<String, Object> quota = new HashMap<>(quota(TRANSFERABLE, List.of()));
        quota.put("quantity", 1);
        quota.put("ticketCounts", Map.of("ALLOCATED", 0, "RESERVED", 0, "SOLD", 1, "CANCELLED", 0));
        quota.put("permissions", Map.of("claim", true, "delegate", false, "transferable", true, "reassign", true));
        return quota;
    }

    private static Map<String, Object> sold() {
        Map<String, Object> ticket = new HashMap<>(ticket(SOLD, "19"));
        ticket.put("status", "SOLD");
        ticket.put("attendeeName", attendee[0]);
        ticket.put("attendeeEmail", attendee[1]);
        ticket.put("attendeeVersion", version);
        ticket.put("code", "v1.test.payload" + version + ".signature");
        ticket.put("reassignable", true);
        return ticket;
    }

    private static Map<String, Object> quota(String id, List<Map<String, Object>> subquotas) {
        return Map.of("id", id, "matchId", 1, "matchName", MATCH,
                "kickoff", "2027-03-14T18:30:00Z", "state", "ALLOCATED", "quantity", 2,
                "ticketCounts", Map.of("ALLOCATED", 2, "RESERVED", 0, "SOLD", 0, "CANCELLED", 0),
                "permissions", Map.of("claim", true, "delegate", false, "transferable", false),
                "expiration", Map.of("state", "NONE"), "subquotas", subquotas);
    }

    private static Map<String, Object> ticket(String id, String seat) {
        return Map.of("id", id, "matchName", MATCH, "kickoff", "2027-03-14T18:30:00Z", "sector", "W3", "row", "12",
                "seat", seat, "category", "CAT1", "priceCents", 6800, "status", "ALLOCATED");
    }

    private static String serviceAccountToken() {
        return given().formParam("grant_type", "client_credentials").formParam("client_id", "quota-service")
                .formParam("client_secret", "quota-service-local-secret")
                .post(REALM + "/protocol/openid-connect/token").then().statusCode(200).extract().path("access_token");
    }

    private static String passwordToken(String username, String password) {
        return given().formParam("grant_type", "password").formParam("client_id", "quota-cli")
                .formParam("username", username).formParam("password", password)
                .post(REALM + "/protocol/openid-connect/token").then().statusCode(200).extract().path("access_token");
    }

    private static void answer(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
