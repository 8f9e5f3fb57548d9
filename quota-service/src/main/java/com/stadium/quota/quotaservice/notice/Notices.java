package com.stadium.quota.quotaservice.notice;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import com.stadium.quota.messaging.contract.Notice;
import com.stadium.quota.quotaservice.quota.CancellationScope;
import com.stadium.quota.quotaservice.quota.Quota;
import com.stadium.quota.quotaservice.quota.QuotaEvent;

/**
 * The one place that turns what happened to a quota into messages to people: who gets which {@link Notice}, with
 * the facts it needs and no wording (notification-adapter words it in the recipient's language).
 */
public final class Notices {

    private Notices() {
    }

    /**
     * A new deeplink for a quota (and its group), or for a subquota: then it names who passed the tickets on.
     *
     * @param ticketCount the quota's tickets not claimed yet (per match)
     * @param unclaimed the group's tickets not claimed yet, over all its matches
     * @param parent the quota a subquota was passed on from, or null
     * @param zone the stadium's time zone: a quota expires at the end of its day there
     */
    public static MessageToPerson invitation(Quota quota, List<Quota> group, String deeplinkToken, int ticketCount,
            int unclaimed, Quota parent, String personalMessage, ZoneId zone) {
        List<Notice.Match> matches = group.stream().map(Notices::match).toList();
        Instant expiresAt = quota.expiresOn == null ? null
                : quota.expiresOn.atTime(LocalTime.MAX).atZone(zone).toInstant();
        Notice notice = parent == null
                ? new Notice.QuotaInvitation(deeplinkToken, matches, ticketCount, expiresAt, unclaimed)
                : new Notice.SubquotaInvitation(deeplinkToken, matches, ticketCount, expiresAt, unclaimed,
                        parent.holderName, personalMessage == null || personalMessage.isBlank() ? null
                                : personalMessage.strip());
        return new MessageToPerson(quota.holderEmail, quota.holderName, quota.id, notice);
    }

    /**
     * Tickets sold: the claimant gets every ticket, each guest with an email of their own gets theirs, with one QR
     * payload (the ticket's signed code) per ticket.
     *
     * @param unclaimed the quota's tickets not claimed yet, after the sale
     * @param codes the signed code of a sold ticket, by its id
     */
    public static List<MessageToPerson> claimConfirmations(Quota quota, QuotaEvent.TicketsSold sold, int unclaimed,
            Function<UUID, String> codes) {
        String claimant = sold.claimantEmail();
        Map<String, List<QuotaEvent.SoldTicket>> byRecipient = new LinkedHashMap<>();
        byRecipient.put(claimant, sold.tickets());
        for (QuotaEvent.SoldTicket ticket : sold.tickets()) {
            if (ticket.attendeeEmail() != null && !ticket.attendeeEmail().equals(claimant)) {
                byRecipient.computeIfAbsent(ticket.attendeeEmail(), e -> new ArrayList<>()).add(ticket);
            }
        }
        List<MessageToPerson> messages = new ArrayList<>();
        byRecipient.forEach((email, tickets) -> {
            String name = email.equals(claimant) ? quota.holderName : tickets.get(0).attendeeName();
            List<Notice.Ticket> cards = tickets.stream().map(t -> ticket(quota, t, codes.apply(t.ticketId())))
                    .toList();
            messages.add(new MessageToPerson(email, name, quota.id, new Notice.ClaimConfirmation(cards, unclaimed)));
        });
        return messages;
    }

    /**
     * A sold ticket got another attendee: the new one gets the ticket with its new code and who gave it; the previous
     * one, when they had an email of their own, learns that the ticket is someone else's now (no name, no code).
     *
     * @param code the ticket's new signed code
     */
    public static List<MessageToPerson> reassigned(Quota quota, QuotaEvent.TicketReassigned reassigned, String code) {
        QuotaEvent.SoldTicket t = reassigned.ticket();
        List<MessageToPerson> messages = new ArrayList<>();
        messages.add(new MessageToPerson(t.attendeeEmail(), t.attendeeName(), quota.id,
                new Notice.TicketReassigned(ticket(quota, t, code), quota.holderName)));
        if (reassigned.previousEmail() != null && !reassigned.previousEmail().isBlank()) {
            messages.add(new MessageToPerson(reassigned.previousEmail(), reassigned.previousName(), quota.id,
                    new Notice.AttendeeReplaced(match(quota), t.sector(), t.row(), t.seat(), quota.holderName)));
        }
        return messages;
    }

    private static Notice.Ticket ticket(Quota quota, QuotaEvent.SoldTicket t, String code) {
        return new Notice.Ticket(t.ticketId().toString(), quota.matchName, quota.kickoff, t.sector(), t.row(),
                t.seat(), t.attendeeName(), code);
    }

    /** The holder took back a subquota's unclaimed tickets: its recipient learns who and how many. */
    public static MessageToPerson retracted(Quota subquota, Quota parent, QuotaEvent.TicketsRetracted retracted) {
        return new MessageToPerson(subquota.holderEmail, subquota.holderName, subquota.id,
                new Notice.SubquotaRetracted(parent.holderName, List.of(match(subquota)), retracted.tickets()));
    }

    /**
     * A quota (or subquota) was cancelled: its holder learns what, and the refund where tickets were paid.
     *
     * @param refundedCents 0 when nothing was paid
     */
    public static MessageToPerson cancelled(Quota quota, CancellationScope scope, int cancelledTickets,
            int refundedCents, String currency) {
        return new MessageToPerson(quota.holderEmail, quota.holderName, quota.id, new Notice.QuotaCancelled(
                List.of(match(quota)), cancelledTickets, Notice.CancellationScope.valueOf(scope.name()),
                refundedCents > 0 ? new Notice.Money(refundedCents, currency) : null));
    }

    /** An admin's check that mail leaves the suite. */
    public static MessageToPerson testMessage(String email, String name, String note) {
        return new MessageToPerson(email, name, null, new Notice.TestMessage(note));
    }

    private static Notice.Match match(Quota quota) {
        return new Notice.Match(quota.matchName, quota.kickoff);
    }
}
