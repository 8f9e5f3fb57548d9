package com.stadium.quota.quotaservice.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import com.stadium.quota.quotaservice.quota.NewQuota;
import com.stadium.quota.quotaservice.quota.QuotaState;

/**
 * What demo data to create, given what was created before: each step once, ever. Quotas need the demo matches
 * (a group needs two); the subquota waits until the delegated quota holds its seats, and is given up if that quota
 * failed or was cancelled.
 */
public final class DemoPlan {

    public static final String HOLDER = "holder@club.example";
    public static final String HOLDER_NAME = "Hanna Holder";
    public static final String SECOND_HOLDER = "holder2@club.example";
    public static final String SECOND_HOLDER_NAME = "Hugo Holder";
    public static final String GUEST = "guest@club.example";
    public static final String GUEST_NAME = "Gus Guest";
    public static final int GUEST_TICKETS = 2;

    /** The demo data, one step each. */
    public enum Step {
        /** 4 seats at the first match, 20 % off, may be passed on. */
        PAID_WITH_DELEGATE,
        /** 2 VIP seats at the first match, 100 % off: no payment step. */
        FREE,
        /** 2 seats at each of the first two matches: a quota group. */
        GROUP,
        /** 2 seats at the last match, expiring in two days (a reminder only). */
        EXPIRING_SOON,
        /** 2 seats for the second demo holder, so masquerading shows something. */
        SECOND_HOLDER,
        /** 2 of the delegated quota's tickets passed on to a guest. */
        SUBQUOTA_TO_GUEST
    }

    /** What to do now: steps to run, steps to give up for good, and whether everything is settled afterwards. */
    public record Decision(List<Step> run, List<Step> skip, boolean finished) {
    }

    private DemoPlan() {
    }

    /**
     * @param done steps created or given up before
     * @param upcomingMatches how many demo matches are still to be played (0 while allocation-service has none)
     * @param delegated the state of the quota PAID_WITH_DELEGATE created; null when that step is not done
     */
    public static Decision next(Set<Step> done, int upcomingMatches, QuotaState delegated) {
        List<Step> run = new ArrayList<>();
        List<Step> skip = new ArrayList<>();
        Set<Step> settled = EnumSet.noneOf(Step.class);
        settled.addAll(done);
        for (Step step : Step.values()) {
            if (done.contains(step) || step == Step.SUBQUOTA_TO_GUEST || upcomingMatches == 0) {
                continue;
            }
            if (step == Step.GROUP && upcomingMatches < 2) {
                skip.add(step);
            } else {
                run.add(step);
            }
            settled.add(step);
        }
        if (!done.contains(Step.SUBQUOTA_TO_GUEST) && delegated != null) {
            switch (delegated) {
                case ALLOCATED, PARTIALLY_ALLOCATED -> {
                    run.add(Step.SUBQUOTA_TO_GUEST);
                    settled.add(Step.SUBQUOTA_TO_GUEST);
                }
                case PENDING_ALLOCATION -> {
                    // the seats are on their way; ask again next time
                }
                default -> {
                    skip.add(Step.SUBQUOTA_TO_GUEST);
                    settled.add(Step.SUBQUOTA_TO_GUEST);
                }
            }
        }
        return new Decision(run, skip, settled.size() == Step.values().length);
    }

    /** The quota a step asks for, at the demo matches in kick-off order. */
    public static NewQuota quota(Step step, List<Long> matches, LocalDate today) {
        long first = matches.get(0);
        long last = matches.get(matches.size() - 1);
        return switch (step) {
            case PAID_WITH_DELEGATE -> quota(HOLDER, HOLDER_NAME, List.of(first), "W3", 4, 20, null, true);
            case FREE -> quota(HOLDER, HOLDER_NAME, List.of(first), "VIP-WEST", 2, 100, null, false);
            case GROUP -> quota(HOLDER, HOLDER_NAME, matches.subList(0, 2), "W2", 2, 0, null, false);
            case EXPIRING_SOON -> quota(HOLDER, HOLDER_NAME, List.of(last), "E3", 2, 50, today.plusDays(2), false);
            case SECOND_HOLDER -> quota(SECOND_HOLDER, SECOND_HOLDER_NAME, List.of(first), "W4", 2, 0, null, false);
            case SUBQUOTA_TO_GUEST -> throw new IllegalArgumentException("a subquota is passed on, not created");
        };
    }

    private static NewQuota quota(String email, String name, List<Long> matches, String sector, int seats,
            int discountPercent, LocalDate expiresOn, boolean delegate) {
        return new NewQuota(email, name, List.copyOf(matches), List.of(sector), seats, discountPercent, "NM",
                expiresOn, delegate, delegate, false, false, null);
    }
}
