package com.stadium.quota.portal.holder;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.stadium.quota.portal.holder.HolderQuotaClient.MyQuota;
import com.stadium.quota.portal.holder.HolderQuotaClient.MyQuotaDetail;
import com.stadium.quota.portal.holder.HolderQuotaClient.SubquotaProgress;
import com.stadium.quota.portal.holder.HolderQuotaClient.TicketCard;
import com.stadium.quota.portal.web.Formats;

/**
 * One quota as a holder page shows it: words and numbers ready to print, the tickets as cards, and what the holder
 * may do. Built from quota-service's answer only, so the page never decides anything itself.
 */
public record QuotaView(UUID id, String matchName, String kickoff, String state, int quantity, int allocated,
        int reserved, int sold, int cancelled, boolean free, int discountPercent, String expiration,
        long expirationDays, String expiresOn, String receivedFrom, boolean mayClaim, boolean maySend, List<CardView> cards,
        List<SubquotaView> subquotas) {

    /** A ticket as a card: seat, category, the holder's price, status, the hold's end and the attendee. */
    public record CardView(UUID id, String sector, String row, String seat, String category, String price,
            boolean free, String status, String holdUntil, long holdMinutes, String attendee, String attendeeEmail,
            UUID claimId, String claimStep, int attendeeVersion, String code, boolean reassignable) {

        public boolean allocated() {
            return "ALLOCATED".equals(status);
        }

        /** What the ticket's QR code carries: the signed code of a sold ticket, else (older answers) its id. */
        public String qrReference() {
            return code == null || code.isBlank() ? id.toString() : code;
        }

        CardView notReassignable() {
            return new CardView(id, sector, row, seat, category, price, free, status, holdUntil, holdMinutes,
                    attendee, attendeeEmail, claimId, claimStep, attendeeVersion, code, false);
        }
    }

    /** Tickets the holder passed on, and how far the recipient got. */
    public record SubquotaView(UUID id, String name, String email, String state, int unclaimed, int claimed,
            int total) {
    }

    /** A match and the holder's quotas for it. */
    public record MatchView(long matchId, String matchName, String kickoff, List<QuotaView> quotas) {
    }

    public boolean hasUnclaimed() {
        return allocated > 0;
    }

    public static QuotaView of(MyQuotaDetail detail, Formats formats, Instant now) {
        MyQuota quota = detail.quota();
        Map<String, Integer> counts = quota.ticketCounts() == null ? Map.of() : quota.ticketCounts();
        // no action on any card of a quota without the permission, whatever a card says
        boolean transferable = quota.permissions() != null && quota.permissions().transferable();
        List<CardView> cards = detail.tickets() == null ? List.of()
                : detail.tickets().stream().map(t -> card(t, formats, now))
                        .map(c -> transferable ? c : c.notReassignable()).toList();
        List<SubquotaView> subquotas = quota.subquotas() == null ? List.of()
                : quota.subquotas().stream().map(QuotaView::subquota).toList();
        String expiration = quota.expiration() == null ? "NONE" : quota.expiration().state();
        long days = quota.expiration() == null || quota.expiration().daysLeft() == null ? 0
                : quota.expiration().daysLeft();
        String from = quota.receivedFrom() == null ? null
                : quota.receivedFrom().name() == null || quota.receivedFrom().name().isBlank()
                        ? quota.receivedFrom().email() : quota.receivedFrom().name();
        String expiresOn = "NONE".equals(expiration) ? ""
                : formats.date(now.atZone(formats.zone()).toLocalDate().plusDays(days));
        return new QuotaView(quota.id(), quota.matchName(), formats.kickoff(quota.kickoff()), quota.state(),
                quota.quantity(), count(counts, "ALLOCATED"), count(counts, "RESERVED"), count(counts, "SOLD"),
                count(counts, "CANCELLED"), quota.discountPercent() >= 100, quota.discountPercent(), expiration,
                days, expiresOn, from, quota.permissions() != null && quota.permissions().claim(),
                quota.permissions() != null && quota.permissions().delegate(), cards, subquotas);
    }

    public static CardView card(TicketCard t, Formats formats, Instant now) {
        boolean free = t.priceCents() != null && t.priceCents() == 0;
        String price = t.priceCents() == null ? "" : formats.money(t.priceCents(), "EUR");
        String attendee = t.attendeeName() == null || t.attendeeName().isBlank() ? null : t.attendeeName();
        return new CardView(t.id(), t.sector(), t.row(), t.seat(), t.category(), price, free, t.status(),
                formats.time(t.holdExpiresAt()), Formats.minutesLeft(t.holdExpiresAt(), now), attendee,
                t.attendeeEmail(), t.claimId(), t.claimStep(), t.attendeeVersion(), t.code(),
                t.reassignable() && "SOLD".equals(t.status()));
    }

    private static SubquotaView subquota(SubquotaProgress s) {
        Map<String, Integer> counts = s.ticketCounts() == null ? Map.of() : s.ticketCounts();
        int unclaimed = count(counts, "ALLOCATED");
        int claimed = count(counts, "RESERVED") + count(counts, "SOLD");
        String name = s.recipientName() == null || s.recipientName().isBlank() ? s.recipientEmail()
                : s.recipientName();
        return new SubquotaView(s.id(), name, s.recipientEmail(), s.state(), unclaimed, claimed, unclaimed + claimed);
    }

    /** The holder's quotas by match, in the order quota-service lists them (soonest match first). */
    public static List<MatchView> byMatch(List<QuotaView> quotas, List<MyQuota> order) {
        Map<Long, List<QuotaView>> grouped = new LinkedHashMap<>();
        Map<Long, MyQuota> first = new LinkedHashMap<>();
        for (int i = 0; i < quotas.size(); i++) {
            MyQuota quota = order.get(i);
            grouped.computeIfAbsent(quota.matchId(), k -> new ArrayList<>()).add(quotas.get(i));
            first.putIfAbsent(quota.matchId(), quota);
        }
        List<MatchView> matches = new ArrayList<>();
        grouped.forEach((matchId, list) -> matches.add(new MatchView(matchId, first.get(matchId).matchName(),
                list.get(0).kickoff(), list)));
        return matches;
    }

    private static int count(Map<String, Integer> counts, String status) {
        return counts.getOrDefault(status, 0);
    }
}
