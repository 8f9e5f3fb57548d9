package com.stadium.quota.quotaservice.subquota;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.stadium.quota.quotaservice.subquota.SubquotaRules.Parent;
import com.stadium.quota.web.Violation;

class SubquotaRulesTest {

    private final Parent delegating = new Parent("hal@sponsor.example", true, false, true, 4);

    @Test
    void aDelegatingHolderPassesUnclaimedTicketsToSomeoneElse() {
        assertThat(SubquotaRules.check(delegating, "gus@friends.example", "Gus Guest", 4)).isEmpty();
    }

    @Test
    void refusesASubquotaForTheHoldersOwnEmailComparedTrimmedAndCaseInsensitively() {
        assertThat(SubquotaRules.check(delegating, "  HAL@Sponsor.example ", "Hal", 1))
                .extracting(Violation::message)
                .containsExactly("these tickets are yours already: claim them directly");
    }

    @Test
    void refusesWithoutTheDelegatePermissionAndForASubquotaOfASubquota() {
        assertThat(SubquotaRules.check(new Parent("hal@sponsor.example", false, false, false, 4),
                "gus@friends.example", "Gus", 1)).extracting(Violation::message)
                .containsExactly("this quota does not allow passing tickets on");
        assertThat(SubquotaRules.check(new Parent("gus@friends.example", true, true, false, 2),
                "ann@friends.example", "Ann", 1)).extracting(Violation::message)
                .containsExactly("tickets received from someone else cannot be passed on again");
    }

    @Test
    void refusesMoreTicketsThanAreUnclaimedAndNone() {
        assertThat(SubquotaRules.check(delegating, "gus@friends.example", "Gus", 5)).extracting(Violation::message)
                .containsExactly("only 4 tickets are unclaimed and free to pass on");
        assertThat(SubquotaRules.check(delegating, "gus@friends.example", "Gus", 0)).extracting(Violation::field)
                .containsExactly("tickets");
    }

    @Test
    void aSubquotaInheritsTransferableAndNeverTheRightToDelegate() {
        assertThat(SubquotaRules.rightsOf(delegating)).isEqualTo(new SubquotaRules.Rights(true, false));
        assertThat(SubquotaRules.rightsOf(new Parent("h@s.example", true, false, false, 1)))
                .isEqualTo(new SubquotaRules.Rights(false, false));
    }
}
