package com.stadium.quota.portal.claim;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.stadium.quota.portal.config.PortalConfig;
import com.stadium.quota.portal.holder.HolderQuotaClient;
import com.stadium.quota.portal.holder.HolderQuotaClient.Attendee;
import com.stadium.quota.portal.holder.HolderQuotaClient.Attendees;
import com.stadium.quota.portal.holder.HolderQuotaClient.ClaimView;
import com.stadium.quota.portal.holder.HolderQuotaClient.MyQuotaDetail;
import com.stadium.quota.portal.holder.HolderQuotaClient.PaymentStart;
import com.stadium.quota.portal.holder.HolderQuotaClient.Selection;
import com.stadium.quota.portal.holder.HolderSession;
import com.stadium.quota.portal.holder.HolderSession.Viewer;
import com.stadium.quota.portal.holder.QuotaView;
import com.stadium.quota.portal.holder.QuotaView.CardView;
import com.stadium.quota.portal.web.Forms;
import com.stadium.quota.portal.web.Refusal;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The claim in three steps, as pages: select tickets → ticket info (one attendee per ticket) → payment at the
 * provider → confirmation with QR codes. Every answer comes from quota-service; a refusal is shown next to the
 * field it names, a conflict (tickets taken meanwhile in another tab or the app) with the fresh cards.
 */
@Path("/holder/quotas/{quotaId}")
@RolesAllowed("quota-holder")
@Produces(MediaType.TEXT_HTML)
public class ClaimPage {

    @Inject
    PortalConfig config;

    @Inject
    HolderSession session;

    @Inject
    @RestClient
    HolderQuotaClient quotas;

    @Inject
    ObjectMapper json;

    /** What step 2 shows for one ticket: the card, what was typed, and the reasons a field was refused. */
    public record AttendeeRow(int index, CardView card, String name, String email, boolean mine, String nameError,
            String emailError) {
    }

    /** Where a claim stands, ready to print. */
    public record ClaimSummary(UUID id, String step, String holdUntil, long holdMinutes, String holdExpiresAt,
            String amount, boolean free, String paymentUrl, String releasedBecause, List<UUID> ticketIds) {

        /** Where the page goes when the hold runs out: this claim, remembering its tickets for a fresh start. */
        public String lapsedUrl() {
            StringBuilder url = new StringBuilder("?lapsed=true");
            ticketIds.forEach(id -> url.append("&ticket=").append(id));
            return url.toString();
        }
    }

    /** A sold ticket on the confirmation page, with its QR code. */
    public record SoldTicket(CardView card, String qrSvg) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance select(Viewer viewer, QuotaView quota, List<UUID> chosen, String problem,
                boolean changed, boolean taken);

        static native TemplateInstance select$tickets(QuotaView quota, List<UUID> chosen, boolean changed,
                boolean taken);

        static native TemplateInstance liveNote(boolean open, UUID quotaId, UUID claimId);

        static native TemplateInstance attendees(Viewer viewer, QuotaView quota, ClaimSummary claim,
                List<AttendeeRow> rows, boolean noneMine, List<String> problems);

        static native TemplateInstance payment(Viewer viewer, QuotaView quota, ClaimSummary claim,
                List<CardView> cards, String problem, String answer);

        static native TemplateInstance confirmation(Viewer viewer, QuotaView quota, ClaimSummary claim,
                List<SoldTicket> tickets);

        static native TemplateInstance released(Viewer viewer, QuotaView quota, ClaimSummary claim);
    }

    // --- step 1: select

    @GET
    @Path("/claim")
    public TemplateInstance select(@PathParam("quotaId") UUID quotaId, @QueryParam("ticket") List<UUID> chosen) {
        return session.page(Templates.select(session.viewer(), quota(quotaId), chosen == null ? List.of() : chosen,
                "", false, false));
    }

    /**
     * Step 1's ticket list, fetched again when the quota's tickets changed elsewhere; ticks that still fit stay, and a
     * ticked ticket that is gone is said as the conflict it would have been on continuing.
     */
    @GET
    @Path("/claim/tickets")
    public TemplateInstance tickets(@PathParam("quotaId") UUID quotaId, @QueryParam("ticket") List<UUID> chosen) {
        QuotaView quota = quota(quotaId);
        List<UUID> ticked = chosen == null ? List.of() : chosen;
        boolean taken = ticked.stream().anyMatch(id -> quota.cards().stream()
                .noneMatch(card -> card.allocated() && card.id().equals(id)));
        return session.page(Templates.select$tickets(quota, ticked, true, taken));
    }

    @POST
    @Path("/claim")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object selected(@PathParam("quotaId") UUID quotaId, @FormParam("ticket") List<String> ticketIds,
            @FormParam("all") String all) {
        QuotaView quota = quota(quotaId);
        List<UUID> chosen = "true".equals(all)
                ? quota.cards().stream().filter(CardView::allocated).map(CardView::id).toList()
                : Forms.ids(ticketIds);
        try {
            ClaimView claim = quotas.select(quotaId, new Selection(chosen));
            return Response.seeOther(URI.create(claimPath(quotaId, claim.id()) + "/attendees")).build();
        } catch (WebApplicationException e) {
            Refusal refusal = refusal(e);
            QuotaView fresh = refusal.isConflict() ? fresh(refusal, quotaId) : quota;
            return session.page(Templates.select(session.viewer(), fresh, refusal.isConflict() ? List.of() : chosen,
                    refusal.isConflict() ? "conflict" : "none-selected", false, false));
        }
    }

    // --- step 2: ticket info

    @GET
    @Path("/claims/{claimId}/attendees")
    public Object attendees(@PathParam("quotaId") UUID quotaId, @PathParam("claimId") UUID claimId) {
        ClaimView claim = quotas.claim(quotaId, claimId);
        QuotaView quota = quota(quotaId);
        if (!isOpen(claim)) {
            return page(quota, claim, null, null);
        }
        Viewer viewer = session.viewer();
        List<AttendeeRow> rows = new ArrayList<>();
        List<CardView> cards = cards(claim);
        for (int i = 0; i < cards.size(); i++) {
            CardView card = cards.get(i);
            boolean mine = viewer.email() != null && viewer.email().equalsIgnoreCase(card.attendeeEmail());
            rows.add(new AttendeeRow(i, card, mine ? "" : orEmpty(card.attendee()),
                    mine ? "" : orEmpty(card.attendeeEmail()), mine, null, null));
        }
        return session.page(Templates.attendees(viewer, quota, summary(claim), rows, noneMine(rows), List.of()));
    }

    @POST
    @Path("/claims/{claimId}/attendees")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object attendeesGiven(@PathParam("quotaId") UUID quotaId, @PathParam("claimId") UUID claimId,
            @FormParam("ticketId") List<String> ticketIds, @FormParam("name") List<String> names,
            @FormParam("email") List<String> emails, @FormParam("mine") String mine) {
        Viewer viewer = session.viewer();
        List<UUID> tickets = Forms.ids(ticketIds);
        List<Attendee> attendees = new ArrayList<>();
        for (int i = 0; i < tickets.size(); i++) {
            boolean forMe = tickets.get(i).toString().equals(mine);
            attendees.add(forMe ? new Attendee(tickets.get(i), viewer.name(), viewer.email())
                    : new Attendee(tickets.get(i), at(names, i).trim(), at(emails, i).trim()));
        }
        try {
            quotas.attendees(quotaId, claimId, new Attendees(attendees));
            return Response.seeOther(URI.create(claimPath(quotaId, claimId))).build();
        } catch (WebApplicationException e) {
            Refusal refusal = refusal(e);
            ClaimView claim = quotas.claim(quotaId, claimId);
            QuotaView quota = quota(quotaId);
            if (!isOpen(claim) || refusal.isConflict()) {
                return page(quota, claim, null, null);
            }
            // the form comes back as it was typed, each refusal next to its field
            Map<UUID, CardView> byId = new LinkedHashMap<>();
            cards(claim).forEach(c -> byId.put(c.id(), c));
            List<AttendeeRow> rows = new ArrayList<>();
            List<String> general = new ArrayList<>();
            for (int i = 0; i < tickets.size(); i++) {
                CardView card = byId.get(tickets.get(i));
                if (card == null) {
                    continue;
                }
                boolean forMe = tickets.get(i).toString().equals(mine);
                rows.add(new AttendeeRow(i, card, at(names, i), at(emails, i), forMe,
                        refusal.reasonFor("attendees[" + i + "].name").orElse(null),
                        refusal.reasonFor("attendees[" + i + "].email").orElse(null)));
            }
            refusal.violations().stream().filter(v -> v.field() == null || !v.field().startsWith("attendees["))
                    .forEach(v -> general.add(v.message()));
            return session.page(Templates.attendees(viewer, quota, summary(claim), rows, noneMine(rows), general));
        }
    }

    /**
     * Step 2's note when the quota's tickets changed elsewhere (another window, the app): whether this claim still
     * holds its tickets. Only the note changes; what the holder is typing stays as it is.
     */
    @GET
    @Path("/claims/{claimId}/live-note")
    public TemplateInstance liveNote(@PathParam("quotaId") UUID quotaId, @PathParam("claimId") UUID claimId) {
        return session.page(Templates.liveNote(isOpen(quotas.claim(quotaId, claimId)), quotaId, claimId));
    }

    // --- step 3: payment, and where the claim stands

    @GET
    @Path("/claims/{claimId}")
    public Object claim(@PathParam("quotaId") UUID quotaId, @PathParam("claimId") UUID claimId,
            @QueryParam("payment") String answer, @QueryParam("ticket") List<UUID> tickets) {
        ClaimView claim = quotas.claim(quotaId, claimId);
        // a released claim no longer lists its tickets; the page that saw the hold run out passes them on
        if ((claim.tickets() == null || claim.tickets().isEmpty()) && tickets != null && !tickets.isEmpty()) {
            claim = new ClaimView(claim.id(), claim.quotaId(), claim.step(), claim.holdExpiresAt(),
                    claim.amountCents(), claim.currency(), claim.paymentId(), claim.paymentUrl(),
                    claim.releasedBecause(), tickets.stream().map(ClaimPage::placeholder).toList());
        }
        return page(quota(quotaId), claim, null, answer);
    }

    private static HolderQuotaClient.TicketCard placeholder(UUID id) {
        return new HolderQuotaClient.TicketCard(id, null, null, null, null, null, null, null, null, null, null, null,
                null, null, 0, null, false);
    }

    @POST
    @Path("/claims/{claimId}/payment")
    public Object pay(@PathParam("quotaId") UUID quotaId, @PathParam("claimId") UUID claimId) {
        try {
            ClaimView claim = quotas.pay(quotaId, claimId,
                    new PaymentStart(config.portal().url() + claimPath(quotaId, claimId)));
            return Response.seeOther(URI.create(claim.paymentUrl())).build();
        } catch (WebApplicationException e) {
            Refusal refusal = refusal(e);
            String problem = refusal.status() == 403 ? "masquerade" : refusal.isConflict() ? "conflict" : "refused";
            return page(quota(quotaId), quotas.claim(quotaId, claimId), problem, null);
        }
    }

    @POST
    @Path("/claims/{claimId}/abandon")
    public Response abandon(@PathParam("quotaId") UUID quotaId, @PathParam("claimId") UUID claimId) {
        try {
            quotas.abandon(quotaId, claimId);
        } catch (WebApplicationException e) {
            if (refusal(e).status() != 409) {
                throw e;
            }
            // already ended (the hold lapsed, or it was paid meanwhile): the dashboard shows which
        }
        return Response.seeOther(URI.create("/holder?done=claim-given-up")).build();
    }

    /** After a lapsed hold or a failed payment: start again with the same tickets chosen, where still free. */
    @POST
    @Path("/claims/{claimId}/restart")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response restart(@PathParam("quotaId") UUID quotaId, @PathParam("claimId") UUID claimId,
            @FormParam("ticket") List<String> remembered) {
        ClaimView claim = quotas.claim(quotaId, claimId);
        if (isOpen(claim)) {
            try {
                quotas.abandon(quotaId, claimId);
            } catch (WebApplicationException e) {
                if (refusal(e).status() != 409) {
                    throw e;
                }
            }
        }
        List<UUID> tickets = claim.tickets() == null || claim.tickets().isEmpty() ? Forms.ids(remembered)
                : claim.tickets().stream().map(HolderQuotaClient.TicketCard::id).toList();
        StringBuilder query = new StringBuilder();
        tickets.forEach(id -> query.append(query.length() == 0 ? "?" : "&").append("ticket=").append(id));
        return Response.seeOther(URI.create("/holder/quotas/" + quotaId + "/claim" + query)).build();
    }

    private Object page(QuotaView quota, ClaimView claim, String problem, String answer) {
        Viewer viewer = session.viewer();
        ClaimSummary summary = summary(claim);
        boolean lapsed = summary.holdMinutes() == 0;
        return switch (claim.step()) {
            case "COMPLETED" -> session.page(Templates.confirmation(viewer, quota, summary, cards(claim).stream()
                    .map(c -> new SoldTicket(c, QrCodes.svg(c.qrReference(), "QR code of the ticket "
                            + c.sector() + " " + c.row() + " " + c.seat())))
                    .toList()));
            case "SELECTED" -> lapsed ? session.page(Templates.released(viewer, quota, summary))
                    : Response.seeOther(URI.create(claimPath(quota.id(), claim.id()) + "/attendees")).build();
            case "ATTENDEES_GIVEN" -> lapsed ? session.page(Templates.released(viewer, quota, summary))
                    : session.page(Templates.payment(viewer, quota, summary, cards(claim), orEmpty(problem),
                            orEmpty(answer)));
            case "PAYMENT_PENDING" -> session.page(Templates.payment(viewer, quota, summary, cards(claim),
                    orEmpty(problem), orEmpty(answer)));
            default -> session.page(Templates.released(viewer, quota, summary));
        };
    }

    /** Where a payment stands, for the page waiting on the provider: it reloads once the claim moved on. */
    @GET
    @Path("/claims/{claimId}/status")
    public Response status(@PathParam("quotaId") UUID quotaId, @PathParam("claimId") UUID claimId) {
        ClaimView claim = quotas.claim(quotaId, claimId);
        if ("PAYMENT_PENDING".equals(claim.step())) {
            return Response.noContent().build();
        }
        return Response.noContent().header("HX-Redirect", claimPath(quotaId, claimId)).build();
    }

    private static boolean noneMine(List<AttendeeRow> rows) {
        return rows.stream().noneMatch(AttendeeRow::mine);
    }

    private boolean isOpen(ClaimView claim) {
        return ("SELECTED".equals(claim.step()) || "ATTENDEES_GIVEN".equals(claim.step()))
                && claim.holdExpiresAt() != null && claim.holdExpiresAt().isAfter(session.now());
    }

    private ClaimSummary summary(ClaimView claim) {
        var formats = session.formats();
        List<UUID> tickets = claim.tickets() == null ? List.of()
                : claim.tickets().stream().map(HolderQuotaClient.TicketCard::id).toList();
        return new ClaimSummary(claim.id(), claim.step(), formats.time(claim.holdExpiresAt()),
                com.stadium.quota.portal.web.Formats.minutesLeft(claim.holdExpiresAt(), session.now()),
                claim.holdExpiresAt() == null ? "" : claim.holdExpiresAt().toString(),
                formats.money(claim.amountCents(), claim.currency()), claim.amountCents() == 0,
                claim.paymentUrl(), claim.releasedBecause(), tickets);
    }

    private List<CardView> cards(ClaimView claim) {
        return claim.tickets() == null ? List.of()
                : claim.tickets().stream().map(t -> QuotaView.card(t, session.formats(), session.now())).toList();
    }

    private QuotaView quota(UUID quotaId) {
        return QuotaView.of(quotas.detail(quotaId), session.formats(), session.now());
    }

    private QuotaView fresh(Refusal refusal, UUID quotaId) {
        try {
            if (refusal.current() != null && !refusal.current().isNull()) {
                return QuotaView.of(json.treeToValue(refusal.current(), MyQuotaDetail.class), session.formats(),
                        session.now());
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException | IllegalArgumentException unreadable) {
            // fall back to asking again
        }
        return quota(quotaId);
    }

    private Refusal refusal(WebApplicationException e) {
        return Refusal.expected(e, json, 400, 403, 409);
    }

    static String claimPath(UUID quotaId, UUID claimId) {
        return "/holder/quotas/" + quotaId + "/claims/" + claimId;
    }

    private static String at(List<String> values, int i) {
        return values != null && i < values.size() && values.get(i) != null ? values.get(i) : "";
    }

    private static String orEmpty(String value) {
        return Optional.ofNullable(value).orElse("");
    }
}
