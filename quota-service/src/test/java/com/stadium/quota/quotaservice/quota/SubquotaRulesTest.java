package com.stadium.quota.quotaservice.quota;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.stadium.quota.quotaservice.quota.SubquotaRules.Parent;
import com.stadium.quota.quotaservice.quota.SubquotaRules.Seat;
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

    private static Seat seat(String sector, String row, long seatId) {
        return new Seat(new UUID(0, seatId), sector, row, seatId);
    }

    private static List<Long> seatIds(List<UUID> tickets) {
        return tickets.stream().map(UUID::getLeastSignificantBits).toList();
    }

    @Test
    void passedOnTicketsSitTogetherInOneRowWhenTheyCan() {
        List<Seat> free = List.of(seat("W1", "1", 10), seat("W1", "1", 12), seat("W1", "2", 20), seat("W1", "2", 21),
                seat("W1", "2", 22), seat("W1", "3", 30));
        assertThat(seatIds(SubquotaRules.keepTogether(free, 3))).containsExactly(20L, 21L, 22L);
        assertThat(seatIds(SubquotaRules.keepTogether(free, 2))).as("neighbours beat a gap in the row before")
                .containsExactly(20L, 21L);
    }

    @Test
    void whenNoRowHoldsThemTheFewestRowsAndSectorsWin() {
        List<Seat> free = List.of(seat("N1", "1", 1), seat("W1", "1", 10), seat("W1", "1", 11), seat("W1", "2", 20),
                seat("W1", "2", 21), seat("W2", "1", 40));
        assertThat(seatIds(SubquotaRules.keepTogether(free, 4))).containsExactly(10L, 11L, 20L, 21L);
        assertThat(SubquotaRules.keepTogether(free, 6)).hasSize(6);
        assertThat(SubquotaRules.keepTogether(List.of(free.get(3), free.get(1), free.get(0), free.get(2)), 2))
                .as("the same seats in another order give the same choice")
                .isEqualTo(SubquotaRules.keepTogether(free.subList(0, 4), 2));
    }
}
