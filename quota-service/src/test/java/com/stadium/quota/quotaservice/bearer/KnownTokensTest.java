package com.stadium.quota.quotaservice.bearer;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.stadium.quota.quotaservice.FixedCatalog;
import com.stadium.quota.quotaservice.HeldQuotas;
import com.stadium.quota.quotaservice.allocation.MatchCatalog;
import com.stadium.quota.testing.Tokens;

import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * With verified tokens kept (suite.token-cache), a kept token still serves only its own holder, and a token changed by
 * one part, unsigned, or past its expiry is refused as before.
 */
@QuarkusTest
class KnownTokensTest {

    @Inject
    ObjectMapper json;

    @Inject
    KnownTokens known;

    String holderA;
    UUID quotaOfA;

    @BeforeEach
    void world() {
        QuarkusMock.installMockForType(new FixedCatalog(), MatchCatalog.class);
        holderA = HeldQuotas.uniqueEmail("kept-a");
        quotaOfA = HeldQuotas.allocated(holderA, 2, 50, false, false, json);
    }

    private int detailOfA(String token) {
        return given().auth().oauth2(token).get("/api/holder/quotas/{id}", quotaOfA).then().extract().statusCode();
    }

    @Test
    void aKeptTokenServesOnlyItsOwnHolder() {
        String tokenA = Tokens.holder(holderA);
        String tokenB = Tokens.holder(HeldQuotas.uniqueEmail("kept-b"));
        long keptBefore = known.kept();

        assertThat(detailOfA(tokenA)).isEqualTo(200);
        assertThat(known.kept()).isGreaterThan(keptBefore);
        assertThat(detailOfA(tokenB)).isEqualTo(404);
        assertThat(detailOfA(tokenA)).isEqualTo(200);
        assertThat(detailOfA(tokenB)).isEqualTo(404);
        List<String> listOfB = given().auth().oauth2(tokenB).get("/api/holder/quotas").then().statusCode(200)
                .extract().jsonPath().getList("id", String.class);
        assertThat(listOfB).doesNotContain(quotaOfA.toString());
    }

    @Test
    void aChangedOrUnsignedTokenIsRefusedThoughTheOriginalIsKept() {
        String tokenA = Tokens.holder(holderA);
        String tokenB = Tokens.holder(HeldQuotas.uniqueEmail("kept-b"));
        assertThat(detailOfA(tokenA)).isEqualTo(200);
        assertThat(detailOfA(tokenB)).isEqualTo(404);
        String[] a = tokenA.split("\\.");
        String[] b = tokenB.split("\\.");
        String signature = a[2];
        char last = signature.charAt(signature.length() - 2);
        String otherSignature = signature.substring(0, signature.length() - 2) + (last == 'A' ? 'B' : 'A')
                + signature.charAt(signature.length() - 1);
        String unsignedHeader = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));

        // B's kept token with A's payload: the identity of A with B's signature
        assertThat(detailOfA(b[0] + "." + a[1] + "." + b[2])).isEqualTo(401);
        assertThat(detailOfA(a[0] + "." + a[1] + "." + otherSignature)).isEqualTo(401);
        assertThat(detailOfA(unsignedHeader + "." + a[1] + ".")).isEqualTo(401);
        assertThat(detailOfA(tokenA)).isEqualTo(200);
    }

    @Test
    void aKeptTokenIsRefusedOnceItHasExpired() throws Exception {
        String shortLived = Tokens.shortLived(holderA, 3);
        long expiry = json.readTree(Base64.getUrlDecoder().decode(shortLived.split("\\.")[1])).get("exp").asLong();

        assertThat(detailOfA(shortLived)).isEqualTo(200);
        // kept for at most max-age (60 s in every profile): a refusal within seconds of the expiry is the token's own
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(250))
                .until(() -> detailOfA(shortLived) == 401);
        assertThat(Instant.now().getEpochSecond()).isGreaterThanOrEqualTo(expiry);
    }
}
