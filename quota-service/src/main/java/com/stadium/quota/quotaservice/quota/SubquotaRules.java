package com.stadium.quota.quotaservice.quota;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import com.stadium.quota.web.Violation;

/** Who may pass tickets on, to whom, how many (DESIGN.md, "Decisions on the spec's open points"). */
public final class SubquotaRules {

    private SubquotaRules() {
    }

    /** The parent quota as the rules see it. */
    public record Parent(String holderEmail, boolean mayDelegate, boolean isSubquota, boolean transferable,
            int allocatedTickets) {
    }

    /** What the subquota gets: the parent's transferable flag, never the right to delegate again. */
    public record Rights(boolean transferable, boolean mayDelegate) {
    }

    public static List<Violation> check(Parent parent, String recipientEmail, String recipientName, int tickets) {
        List<Violation> violations = new ArrayList<>();
        if (parent.isSubquota()) {
            violations.add(Violation.of("quota", "tickets received from someone else cannot be passed on again"));
        } else if (!parent.mayDelegate()) {
            violations.add(Violation.of("quota", "this quota does not allow passing tickets on"));
        }
        String email = QuotaRules.normalEmail(recipientEmail);
        if (email == null || !QuotaRules.isEmail(email)) {
            violations.add(new Violation("recipientEmail", "is not an email address", null, recipientEmail));
        } else if (email.equals(QuotaRules.normalEmail(parent.holderEmail()))) {
            violations.add(new Violation("recipientEmail", "these tickets are yours already: claim them directly",
                    null, recipientEmail));
        }
        if (recipientName == null || recipientName.isBlank() || recipientName.length() > 200) {
            violations.add(Violation.of("recipientName", "is required, at most 200 characters"));
        }
        if (tickets < 1) {
            violations.add(new Violation("tickets", "pass on at least one ticket", null, Integer.toString(tickets)));
        } else if (tickets > parent.allocatedTickets()) {
            violations.add(new Violation("tickets", "only " + parent.allocatedTickets()
                    + " tickets are unclaimed and free to pass on", null, Integer.toString(tickets)));
        }
        return violations;
    }

    public static Rights rightsOf(Parent parent) {
        return new Rights(parent.transferable(), false);
    }

    /** A ticket the holder could pass on, where its seat is. */
    public record Seat(UUID ticketId, String sector, String row, long seatId) {
    }

    /**
     * Which {@code count} of the free tickets to pass on: the run of seats (in sector, row, seat order) that spans
     * the fewest sectors, then the fewest rows, then the fewest gaps, so guests sit together where they can. The
     * first such run wins, so the same tickets give the same choice.
     */
    public static List<UUID> keepTogether(List<Seat> free, int count) {
        if (count <= 0 || count > free.size()) {
            throw new IllegalArgumentException("cannot choose " + count + " of " + free.size() + " seats");
        }
        List<Seat> ordered = free.stream().sorted(Comparator.comparing(Seat::sector).thenComparing(Seat::row)
                .thenComparingLong(Seat::seatId)).toList();
        int best = 0;
        long bestScore = Long.MAX_VALUE;
        for (int start = 0; start + count <= ordered.size(); start++) {
            long score = spread(ordered.subList(start, start + count));
            if (score < bestScore) {
                bestScore = score;
                best = start;
            }
        }
        return ordered.subList(best, best + count).stream().map(Seat::ticketId).toList();
    }

    private static long spread(List<Seat> run) {
        long sectors = run.stream().map(Seat::sector).distinct().count();
        long rows = run.stream().map(s -> s.sector() + "/" + s.row()).distinct().count();
        long gaps = 0;
        for (int i = 1; i < run.size(); i++) {
            Seat before = run.get(i - 1);
            Seat seat = run.get(i);
            if (before.sector().equals(seat.sector()) && before.row().equals(seat.row())) {
                gaps += Math.min(seat.seatId() - before.seatId() - 1, 100);
            }
        }
        return sectors * 1_000_000 + rows * 1_000 + gaps;
    }
}
