package com.stadium.quota.quotaservice.holder;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import jakarta.json.Json;

class CallerTest {

    @Test
    void aHolderActsForThemself() {
        Caller caller = Caller.of(" Hanna@Sponsor.example", null);
        assertThat(caller).isEqualTo(new Caller("hanna@sponsor.example", "hanna@sponsor.example", false));
        assertThat(caller.onBehalfOf()).isNull();
    }

    @Test
    void anAdminImpersonatingTheHolderIsMasqueradingAndBothAreNamed() {
        Caller caller = Caller.of("hanna@sponsor.example",
                Json.createObjectBuilder().add("id", "42").add("username", "admin").build());
        assertThat(caller.masquerading()).isTrue();
        assertThat(caller.actor()).isEqualTo("admin");
        assertThat(caller.onBehalfOf()).isEqualTo("hanna@sponsor.example");
        assertThat(Caller.of("hanna@sponsor.example", Map.of("username", "admin")).masquerading()).isTrue();
    }

    @Test
    void aSessionStartedByTheSuitesServiceAccountFromADeeplinkIsTheHolderThemself() {
        Caller caller = Caller.of("hanna@sponsor.example",
                Json.createObjectBuilder().add("username", "service-account-quota-service").build());
        assertThat(caller.masquerading()).isFalse();
        assertThat(caller.actor()).isEqualTo("hanna@sponsor.example");
    }
}
