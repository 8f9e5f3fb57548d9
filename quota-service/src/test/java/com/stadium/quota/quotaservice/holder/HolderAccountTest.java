package com.stadium.quota.quotaservice.holder;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.stadium.quota.quotaservice.Allocations;
import com.stadium.quota.quotaservice.FixedCatalog;
import com.stadium.quota.quotaservice.allocation.MatchCatalog;
import com.stadium.quota.testing.KeycloakUsers;
import com.stadium.quota.testing.TestStack;
import com.stadium.quota.testing.Tokens;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;

/** Invited holders become users of the test stack's real Keycloak, once per email, in the holders group only. */
@QuarkusTest
class HolderAccountTest {

    @Inject
    ObjectMapper json;

    @BeforeEach
    void matches() {
        QuarkusMock.installMockForType(new FixedCatalog(), MatchCatalog.class);
    }

    private void invite(String email) {
        UUID quota = UUID.fromString(given().auth().oauth2(Tokens.of(Tokens.ADMIN)).contentType(ContentType.JSON)
                .body("""
                        {"holderEmail":"%s","holderName":"Kim van Keycloak","matchIds":[1],"sectors":["N1"],
                         "quantity":1,"algorithm":"NM"}""".formatted(email))
                .post("/api/admin/quotas").then().statusCode(201).extract().path("quotas[0].id"));
        Allocations.answer(Allocations.requestFor(quota, json), "ALLOCATED", 1, 80, List.of(), json);
    }

    private static boolean provisioned(String email) {
        return QuarkusTransaction.requiringNew().call(() -> {
            HolderAccount account = HolderAccount.findById(email);
            return account != null && account.provisionedAt != null;
        });
    }

    /** What Keycloak's admin API says about the users with this email, asked as the realm's administrator. */
    private static List<Map<String, Object>> keycloakUsers(String email) {
        String admin = KeycloakUsers.adminToken();
        List<Map<String, Object>> users = given().auth().oauth2(admin).queryParam("email", email)
                .queryParam("exact", true).get(TestStack.keycloakUrl() + "/admin/realms/quota/users")
                .then().statusCode(200).extract().jsonPath().getList("$");
        for (Map<String, Object> user : users) {
            user.put("realmRoles", given().auth().oauth2(admin)
                    .get(TestStack.keycloakUrl() + "/admin/realms/quota/users/{id}/role-mappings/realm/composite",
                            user.get("id"))
                    .then().statusCode(200).extract().jsonPath().getList("name"));
            user.put("groups", given().auth().oauth2(admin)
                    .get(TestStack.keycloakUrl() + "/admin/realms/quota/users/{id}/groups", user.get("id"))
                    .then().statusCode(200).extract().jsonPath().getList("path"));
            user.put("credentials", given().auth().oauth2(admin)
                    .get(TestStack.keycloakUrl() + "/admin/realms/quota/users/{id}/credentials", user.get("id"))
                    .then().statusCode(200).extract().jsonPath().getList("$"));
        }
        return users;
    }

    @Test
    void anInvitedHolderBecomesAKeycloakUserInTheHoldersGroupWithNoPassword() {
        String email = "kim-" + UUID.randomUUID().toString().substring(0, 8) + "@sponsor.example";
        invite(email);
        await().atMost(Duration.ofSeconds(30)).until(() -> provisioned(email));

        List<Map<String, Object>> users = keycloakUsers(email);
        assertThat(users).hasSize(1);
        Map<String, Object> user = users.get(0);
        assertThat(user).containsEntry("username", email).containsEntry("emailVerified", true)
                .containsEntry("firstName", "Kim").containsEntry("lastName", "van Keycloak");
        @SuppressWarnings("unchecked")
        List<String> roles = (List<String>) user.get("realmRoles");
        assertThat(roles).contains("quota-holder").doesNotContain("quota-manager", "quota-masquerade");
        // the group is what lets quota-service's account (and masqueraders) act for this user, and no one else
        assertThat(user.get("groups")).isEqualTo(List.of("/holders"));
        assertThat((List<?>) user.get("credentials")).isEmpty();
    }

    @Test
    void aHolderInvitedTwiceIsOneUser() {
        String email = "twice-" + UUID.randomUUID().toString().substring(0, 8) + "@sponsor.example";
        invite(email);
        await().atMost(Duration.ofSeconds(30)).until(() -> provisioned(email));
        invite(email.toUpperCase());
        await().atMost(Duration.ofSeconds(30)).until(() -> provisioned(email));
        assertThat(keycloakUsers(email)).hasSize(1);
    }

    @Inject
    HolderAccounts accounts;

    @Inject
    jakarta.persistence.EntityManager entityManager;

    @Test
    void anAccountAnotherInstanceIsMakingIsSkippedNotMadeTwice() throws Exception {
        String email = "shared-" + UUID.randomUUID().toString().substring(0, 8) + "@sponsor.example";
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                "insert into holder_account (email, name, requested_at) values (?1, 'Sam Shared', now())")
                .setParameter(1, email).executeUpdate());
        CountDownLatch taken = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(1);
        // "the other instance": holds the row as its provisioning would, until told to let go
        Thread other = new Thread(() -> QuarkusTransaction.requiringNew().run(() -> {
            entityManager.createNativeQuery("select email from holder_account where email = ?1 for update")
                    .setParameter(1, email).getResultList();
            taken.countDown();
            try {
                done.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        other.start();
        assertThat(taken.await(10, TimeUnit.SECONDS)).isTrue();
        long started = System.nanoTime();
        accounts.provisionBatch();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("skipped, not waited for")
                .isLessThan(Duration.ofSeconds(5));
        HolderAccount untouched = QuarkusTransaction.requiringNew().call(() -> HolderAccount.findById(email));
        assertThat(untouched.provisionedAt).isNull();
        assertThat(untouched.attempts).as("attempts by this instance while the other one held it").isZero();
        done.countDown();
        other.join();

        await().atMost(Duration.ofSeconds(30)).until(() -> {
            accounts.provisionBatch();
            return provisioned(email);
        });
        HolderAccount made = QuarkusTransaction.requiringNew().call(() -> HolderAccount.findById(email));
        assertThat(made.provisionedAt).isNotNull();
        assertThat(made.attempts).as("attempts in all").isEqualTo(1);
        assertThat(keycloakUsers(email)).hasSize(1);
    }
}
