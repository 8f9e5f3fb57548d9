package com.stadium.quota.quotaservice;

import static io.restassured.RestAssured.given;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.stadium.quota.quotaservice.allocation.MatchCatalog;
import com.stadium.quota.testing.Tokens;

import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** Every admin endpoint of quota-service, for each kind of caller: nobody, a holder, gate staff, the two admins. */
@QuarkusTest
class AdminAuthorizationTest {

    /** One endpoint: method, path, a body that would be accepted, and the status an admin gets. */
    record Endpoint(String method, String path, String body, int adminStatus) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private static final String QUOTA = """
            {"holderEmail":"auth@sponsor.example","holderName":"Auth Test","matchIds":[1],"sectors":["W1"],
             "quantity":1,"algorithm":"NM"}""";

    static List<Endpoint> endpoints() {
        String unknown = UUID.randomUUID().toString();
        return List.of(
                new Endpoint("GET", "/api/admin/quotas", null, 200),
                new Endpoint("POST", "/api/admin/quotas", QUOTA, 201),
                new Endpoint("GET", "/api/admin/quotas/" + unknown, null, 404),
                new Endpoint("GET", "/api/admin/quotas/" + unknown + "/audit", null, 404),
                new Endpoint("POST", "/api/admin/quotas/" + unknown + "/cancel", "{\"scope\":\"ALL_UNUSED\"}", 404),
                new Endpoint("POST", "/api/admin/quota-groups/" + unknown + "/cancel", "{\"scope\":\"ALL_UNUSED\"}",
                        404),
                new Endpoint("POST", "/api/admin/quotas/" + unknown + "/cancel/preview", "{\"scope\":\"ALL_UNUSED\"}",
                        404),
                new Endpoint("POST", "/api/admin/quota-groups/" + unknown + "/cancel/preview",
                        "{\"scope\":\"ALL_UNUSED\"}", 404),
                new Endpoint("POST", "/api/admin/quotas/" + unknown + "/invitation/resend", null, 404),
                new Endpoint("DELETE", "/api/admin/quotas/" + unknown + "/invitation", null, 404),
                new Endpoint("GET", "/api/admin/tracking?matchId=1", null, 200),
                new Endpoint("GET", "/api/admin/tracking/never-opened.csv?matchId=1", null, 200),
                new Endpoint("GET", "/api/admin/matches", null, 200),
                new Endpoint("POST", "/api/admin/test-messages", "{\"recipientEmail\":\"ops@club.example\"}", 202));
    }

    @BeforeEach
    void matches() {
        QuarkusMock.installMockForType(new FixedCatalog(), MatchCatalog.class);
    }

    private static RequestSpecification call(Endpoint endpoint, RequestSpecification request) {
        if (endpoint.body() != null) {
            request = request.contentType(ContentType.JSON).body(endpoint.body());
        }
        return request;
    }

    private static io.restassured.response.Response send(Endpoint endpoint, RequestSpecification request) {
        return call(endpoint, request).request(endpoint.method(), endpoint.path());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void anonymousCallersAreAskedToAuthenticate(Endpoint endpoint) {
        send(endpoint, given()).then().statusCode(401);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void holdersAndGateStaffAreForbidden(Endpoint endpoint) {
        send(endpoint, given().auth().oauth2(Tokens.of(Tokens.HOLDER))).then().statusCode(403);
        send(endpoint, given().auth().oauth2(Tokens.of(Tokens.GATE))).then().statusCode(403);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void adminsWithAndWithoutMasqueradeAreServed(Endpoint endpoint) {
        send(endpoint, given().auth().oauth2(Tokens.of(Tokens.ADMIN))).then().statusCode(endpoint.adminStatus());
        send(endpoint, given().auth().oauth2(Tokens.of(Tokens.MANAGER))).then().statusCode(endpoint.adminStatus());
    }
}
