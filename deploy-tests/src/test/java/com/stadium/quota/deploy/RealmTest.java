package com.stadium.quota.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The production realm (infra/keycloak/quota-realm.json, what a production Keycloak imports) has its protections set
 * on purpose (issue 19): brute-force detection, a password policy for staff, short-lived tokens and codes, and no
 * password grant or secret; the local realm (local-realm.json, dev and test only) is where quota-cli lives.
 */
class RealmTest {

    static final Path KEYCLOAK = QuotaSuiteChartTest.ROOT.resolve("infra/keycloak");
    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void productionRealmLocksOutPasswordGuessingForAWhileNotForever() throws IOException {
        JsonNode realm = JSON.readTree(KEYCLOAK.resolve("quota-realm.json").toFile());
        assertThat(realm.path("bruteForceProtected").asBoolean()).isTrue();
        // a permanent lockout would let anyone lock the club's staff out by typing wrong passwords
        assertThat(realm.path("permanentLockout").asBoolean(true)).isFalse();
        assertThat(realm.path("failureFactor").asInt()).isBetween(3, 10);
        assertThat(realm.path("waitIncrementSeconds").asInt()).isPositive();
        assertThat(realm.path("maxFailureWaitSeconds").asInt()).isBetween(60, 3600);
    }

    @Test
    void productionRealmAsksStaffForLongPasswordsUnlikeTheirNames() throws IOException {
        String policy = JSON.readTree(KEYCLOAK.resolve("quota-realm.json").toFile()).path("passwordPolicy").asText();
        Matcher length = Pattern.compile("(?:^| )length\\((\\d+)\\)").matcher(policy);
        assertThat(length.find()).as(policy).isTrue();
        assertThat(Integer.parseInt(length.group(1))).isGreaterThanOrEqualTo(12);
        assertThat(policy).contains("notUsername").contains("notEmail").contains("passwordHistory(");
    }

    @Test
    void productionRealmKeepsTokensAndCodesShortLived() throws IOException {
        JsonNode realm = JSON.readTree(KEYCLOAK.resolve("quota-realm.json").toFile());
        assertThat(realm.path("accessTokenLifespan").asInt()).isBetween(60, 300);
        assertThat(realm.path("accessCodeLifespan").asInt()).isBetween(10, 60);
        assertThat(realm.path("ssoSessionIdleTimeout").asInt()).isBetween(300, 3600);
        assertThat(realm.path("ssoSessionMaxLifespan").asInt()).isBetween(3600, 12 * 3600);
        assertThat(realm.path("actionTokenGeneratedByUserLifespan").asInt()).isBetween(60, 600);
    }

    @Test
    void onlyTheLocalRealmHasThePasswordGrantAndSecrets() throws IOException {
        JsonNode production = JSON.readTree(KEYCLOAK.resolve("quota-realm.json").toFile());
        List<String> clients = new ArrayList<>();
        for (JsonNode client : production.path("clients")) {
            clients.add(client.path("clientId").asText());
            assertThat(client.path("directAccessGrantsEnabled").asBoolean()).as(client.path("clientId").asText())
                    .isFalse();
            assertThat(client.has("secret")).as("secret of " + client.path("clientId").asText()).isFalse();
        }
        assertThat(clients).contains("portal-web", "quota-app", "quota-service").doesNotContain("quota-cli");
        for (JsonNode user : production.path("users")) {
            assertThat(user.has("credentials")).as("password of " + user.path("username").asText()).isFalse();
        }
        JsonNode local = JSON.readTree(KEYCLOAK.resolve("local-realm.json").toFile());
        List<String> passwordGrant = new ArrayList<>();
        local.path("clients").forEach(c -> {
            if (c.path("directAccessGrantsEnabled").asBoolean()) {
                passwordGrant.add(c.path("clientId").asText());
            }
        });
        assertThat(passwordGrant).containsExactly("quota-cli");
    }
}
