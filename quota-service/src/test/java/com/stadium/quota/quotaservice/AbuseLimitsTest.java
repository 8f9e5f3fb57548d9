package com.stadium.quota.quotaservice;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.stadium.quota.testing.Tokens;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * Rate limits per client address (issue 19, item 5), with limits small enough to reach: the calls within the limit
 * get their usual answers, the next one a 429 with Retry-After and a problem body. (The test profile's own limits
 * stay far above what the other tests, the system tests and the drills send.)
 */
@QuarkusTest
@TestProfile(AbuseLimitsTest.TightLimits.class)
class AbuseLimitsTest {

    public static class TightLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("suite.rate-limits.redeem.permits", "3",
                    "suite.rate-limits.payment-callback.permits", "3",
                    "suite.rate-limits.import-upload.permits", "2");
        }
    }

    @Test
    void aFourthRedemptionInAMinuteFromOneAddressIsRefusedWith429() {
        for (int i = 0; i < 3; i++) {
            assertThat(redeem().statusCode()).as("redemption %d, within the limit", i + 1).isEqualTo(404);
        }
        assertTooMany(redeem());
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

    private static Response redeem() {
        return given().contentType(ContentType.JSON).body(Map.of("token", "no-such-link-0123456789",
                "clientId", "portal-web", "redirectUri", "http://127.0.0.1:28090/holder")).post("/api/invitations/redeem");
    }

    private static Response callback() {
        return given().contentType(ContentType.JSON).header("Payment-Signature", "00")
                .body("{\"paymentId\":\"sbx_x\",\"status\":\"PAID\"}").post("/api/payments/callback");
    }

    private static Response upload(String admin) {
        return given().auth().oauth2(admin).contentType("text/csv").body("not,an,import\n")
                .post("/api/admin/imports");
    }
}
