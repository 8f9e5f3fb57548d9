package com.stadium.quota.quotaservice.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.stadium.quota.web.Violation;

class ReturnUrlTest {

    static final List<String> ALLOWED = List.of("http://localhost:8080/", "stadiumquota://");

    @Test
    void acceptsNoAddressAndAddressesUnderAnAllowedPrefix() {
        assertThat(ReturnUrl.check(null, ALLOWED)).isEmpty();
        assertThat(ReturnUrl.check("http://localhost:8080/holder?x=1", ALLOWED)).isEmpty();
        assertThat(ReturnUrl.check("stadiumquota://paid", ALLOWED)).isEmpty();
    }

    @Test
    void refusesEverythingElseNamingReturnUrl() {
        for (String url : List.of("", "http://localhost:8080", "http://localhost:8080.evil.example/",
                "https://localhost:8080/", "http://evil.example/?http://localhost:8080/", "http://localhost:8080/ x",
                "http://localhost:8080/\\evil", "http://localhost:8080/" + "a".repeat(2000))) {
            assertThat(ReturnUrl.check(url, ALLOWED)).as(url).extracting(Violation::field).containsExactly("returnUrl");
        }
        assertThat(ReturnUrl.check("http://localhost:8080/", List.of())).hasSize(1);
    }

    @Test
    void theOutcomeIsAddedToTheQueryBeforeAnyFragment() {
        assertThat(ReturnUrl.withOutcome("http://p/holder", true)).isEqualTo("http://p/holder?payment=paid");
        assertThat(ReturnUrl.withOutcome("http://p/holder?q=1", false)).isEqualTo("http://p/holder?q=1&payment=declined");
        assertThat(ReturnUrl.withOutcome("http://p/holder?", true)).isEqualTo("http://p/holder?payment=paid");
        assertThat(ReturnUrl.withOutcome("http://p/h#top", true)).isEqualTo("http://p/h?payment=paid#top");
        assertThat(ReturnUrl.withOutcome("http://p/h?a=b#top", false)).isEqualTo("http://p/h?a=b&payment=declined#top");
    }
}
