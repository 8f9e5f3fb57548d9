package com.stadium.quota.quotaservice.holder;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The name a holder's Keycloak account gets: what Keycloak's person-name validator would refuse becomes a space. */
class KeycloakNameTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Pia Pair; Box 4|Pia Pair Box 4",
        "Ada Lovelace|Ada Lovelace",
        "  Zoë   Müller-Łukasz |Zoë Müller-Łukasz",
        "O'Brien (VIP) = guest|O'Brien VIP guest",
        "<script>|script",
        ";;;|Holder"})
    void keepsWhatKeycloakAcceptsAndDropsTheRest(String given, String expected) {
        assertThat(HolderAccounts.keycloakName(given)).isEqualTo(expected);
    }
}
