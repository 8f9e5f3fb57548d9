package com.stadium.quota.quotaservice.quota;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;


/** Which tickets a cancellation ends and which of them are refunded: the rule, without the database. */
public final class CancellationPlan {

    private CancellationPlan() {
    }

    /** A ticket as the rule sees it. */
    public record TicketView(UUID id, TicketStatus status, Instant kickoff, Integer paidCents) {
    }

    /**
     * @param cancelled tickets to set CANCELLED
     * @param refunded the cancelled tickets that were paid
     * @param cancelledByStatus how many of each status are cancelled
     * @param soldKept sold tickets that stay valid
     */
    public record Outcome(List<UUID> cancelled, List<TicketView> refunded, Map<TicketStatus, Integer> cancelledByStatus,
            int soldKept) {
    }

    public static Outcome plan(List<TicketView> tickets, CancellationScope scope, Instant now) {
        List<UUID> cancelled = new ArrayList<>();
        List<TicketView> refunded = new ArrayList<>();
        Map<TicketStatus, Integer> byStatus = new EnumMap<>(TicketStatus.class);
        for (TicketStatus status : List.of(TicketStatus.ALLOCATED, TicketStatus.RESERVED, TicketStatus.SOLD)) {
            byStatus.put(status, 0);
        }
        int soldKept = 0;
        for (TicketView ticket : tickets) {
            boolean cancel = switch (ticket.status()) {
                case ALLOCATED, RESERVED -> true;
                case SOLD -> scope == CancellationScope.ALL_UNUSED && ticket.kickoff() != null
                        && ticket.kickoff().isAfter(now);
                case CANCELLED -> false;
            };
            if (cancel) {
                cancelled.add(ticket.id());
                byStatus.merge(ticket.status(), 1, Integer::sum);
                if (ticket.status() == TicketStatus.SOLD && ticket.paidCents() != null && ticket.paidCents() > 0) {
                    refunded.add(ticket);
                }
            } else if (ticket.status() == TicketStatus.SOLD) {
                soldKept++;
            }
        }
        return new Outcome(cancelled, refunded, byStatus, soldKept);
    }
}
