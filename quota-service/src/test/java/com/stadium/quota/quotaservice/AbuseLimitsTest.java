package com.stadium.quota.quotaservice;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.stadium.quota.testing.Tokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Rate limits per client address (issue 19, item 5), with limits small enough to reach: the calls within the limit
 * get their usual answers, the next one a 429 with Retry-After and a problem body. The test calls from 127.0.0.2,
 * which the test profile gives tight limits ({@code permits-for}), so it shares the module's one boot; the other
 * tests call from 127.0.0.1, whose limits stay far above what they, the system tests and the drills send.
 */
@QuarkusTest
class AbuseLimitsTest {

    /** Requests from the loopback address with the tight limits, to the test's server. */
    private static RequestSpecification fromTightAddress() {
        try {
            return given().baseUri("http://127.0.0.1").config(RestAssuredConfig.config().httpClient(HttpClientConfig
                    .httpClientConfig().setParam("http.route.local-address", InetAddress.getByName("127.0.0.2"))));
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void otherAddressesKeepTheProfilesLimit() {
        for (int i = 0; i < 4; i++) {
            assertThat(redeem(given()).statusCode()).as("redemption %d from 127.0.0.1", i + 1).isEqualTo(404);
        }
    }

    @Test
    void aFourthRedemptionInAMinuteFromOneAddressIsRefusedWith429() {
        for (int i = 0; i < 3; i++) {
            assertThat(redeem(fromTightAddress()).statusCode()).as("redemption %d, within the limit", i + 1)
                    .isEqualTo(404);
        }
        assertTooMany(redeem(fromTightAddress()));
    }

    @Test
    void aFourthPaymentCallbackInAMinuteFromOneAddressIsRefusedWith429() {
        for (int i = 0; i < 3; i++) {
            assertThat(callback().statusCode()).as("callback %d, within the limit", i + 1).isEqualTo(401);
        }
        assertTooMany(callback());
    }

    @Test
    void aThirdImportUploadInAMinuteFromOneAddressIsRefusedWith429() {
        String admin = Tokens.of(Tokens.ADMIN);
        for (int i = 0; i < 2; i++) {
            assertThat(upload(admin).statusCode()).as("upload %d, within the limit", i + 1).isEqualTo(400);
        }
        assertTooMany(upload(admin));
    }

    private static void assertTooMany(Response answer) {
        assertThat(answer.statusCode()).isEqualTo(429);
        long retryAfter = Long.parseLong(answer.header("Retry-After"));
        assertThat(retryAfter).isBetween(1L, 60L);
        assertThat(answer.jsonPath().getString("title")).isEqualTo("Too many requests");
        assertThat(answer.jsonPath().getString("violations[0].message"))
                .isEqualTo("too many from this address; try again in " + retryAfter + " s");
        assertThat(answer.jsonPath().getString("reference")).isEqualTo(answer.header("X-Request-Id")).isNotBlank();
    }

    private static Response redeem(RequestSpecification from) {
        return from.contentType(ContentType.JSON).body(Map.of("token", "no-such-link-0123456789",
                "clientId", "portal-web", "redirectUri", "http://127.0.0.1:28090/holder")).post("/api/invitations/redeem");
    }

    private static Response callback() {
        return fromTightAddress().contentType(ContentType.JSON).header("Payment-Signature", "00")
                .body("{\"paymentId\":\"sbx_x\",\"status\":\"PAID\"}").post("/api/payments/callback");
    }

    private static Response upload(String admin) {
        return fromTightAddress().auth().oauth2(admin).contentType("text/csv").body("not,an,import\n")
                .post("/api/admin/imports");
    }
}
