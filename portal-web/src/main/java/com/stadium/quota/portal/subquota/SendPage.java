package com.stadium.quota.portal.subquota;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.stadium.quota.portal.holder.HolderQuotaClient;
import com.stadium.quota.portal.holder.HolderQuotaClient.MyQuotaDetail;
import com.stadium.quota.portal.holder.HolderQuotaClient.NewSubquota;
import com.stadium.quota.portal.holder.HolderQuotaClient.SubquotaPreview;
import com.stadium.quota.portal.holder.HolderSession;
import com.stadium.quota.portal.holder.HolderSession.Viewer;
import com.stadium.quota.portal.holder.QuotaView;
import com.stadium.quota.portal.holder.QuotaView.CardView;
import com.stadium.quota.portal.holder.QuotaView.SubquotaView;
import com.stadium.quota.portal.web.Forms;
import com.stadium.quota.portal.web.Refusal;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Passing tickets on: the form (how many, seated together, or which cards; who; a personal message), a confirmation
 * naming exactly the tickets quota-service would pass on, then the subquota; and taking unclaimed tickets back.
 */
@Path("/holder/quotas/{quotaId}")
@RolesAllowed("quota-holder")
@Produces(MediaType.TEXT_HTML)
public class SendPage {

    @Inject
    HolderSession session;

    @Inject
    @RestClient
    HolderQuotaClient quotas;

    @Inject
    ObjectMapper json;

    /** What the holder typed, kept when the form comes back. */
    public record Request(String mode, String tickets, List<UUID> ticketIds, String recipientName,
            String recipientEmail, String message) {
    }

    /** The reasons quota-service gave, by field. */
    public record Problems(String tickets, String recipientName, String recipientEmail, String message,
            List<String> other, boolean conflict) {
        static Problems none() {
            return new Problems(null, null, null, null, List.of(), false);
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance form(Viewer viewer, QuotaView quota, Request request, Problems problems);

        static native TemplateInstance confirm(Viewer viewer, QuotaView quota, Request request,
                List<CardView> cards);

        static native TemplateInstance retract(Viewer viewer, QuotaView quota, SubquotaView subquota,
                boolean conflict);
    }

    @GET
    @Path("/send")
    public TemplateInstance form(@PathParam("quotaId") UUID quotaId) {
        QuotaView quota = sendable(quotaId);
        return session.page(Templates.form(session.viewer(), quota,
                new Request("count", Integer.toString(Math.min(2, quota.allocated())), List.of(), "", "", ""),
                Problems.none()));
    }

    @POST
    @Path("/send/preview")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public TemplateInstance preview(@PathParam("quotaId") UUID quotaId, @FormParam("mode") String mode,
            @FormParam("tickets") String tickets, @FormParam("ticket") List<String> ticketIds,
            @FormParam("recipientName") String name, @FormParam("recipientEmail") String email,
            @FormParam("message") String message) {
        QuotaView quota = sendable(quotaId);
        Request request = new Request("cards".equals(mode) ? "cards" : "count", Forms.trim(tickets), Forms.ids(ticketIds),
                Forms.trim(name), Forms.trim(email), message == null ? "" : message.strip());
        try {
            SubquotaPreview preview = quotas.previewSubquota(quotaId, subquota(request));
            List<CardView> cards = preview.tickets().stream()
                    .map(t -> QuotaView.card(t, session.formats(), session.now())).toList();
            return session.page(Templates.confirm(session.viewer(), quota, request, cards));
        } catch (WebApplicationException e) {
            return refused(quotaId, quota, request, e);
        }
    }

    @POST
    @Path("/send")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object send(@PathParam("quotaId") UUID quotaId, @FormParam("ticket") List<String> ticketIds,
            @FormParam("recipientName") String name, @FormParam("recipientEmail") String email,
            @FormParam("message") String message) {
        Request request = new Request("cards", "", Forms.ids(ticketIds), Forms.trim(name), Forms.trim(email),
                message == null ? "" : message.strip());
        try {
            quotas.createSubquota(quotaId, subquota(request));
            return Response.seeOther(URI.create("/holder?done=sent&to=" + Forms.query(request.recipientName()))).build();
        } catch (WebApplicationException e) {
            return refused(quotaId, sendable(quotaId), request, e);
        }
    }

    @GET
    @Path("/subquotas/{subquotaId}/retract")
    public TemplateInstance retractForm(@PathParam("quotaId") UUID quotaId,
            @PathParam("subquotaId") UUID subquotaId) {
        QuotaView quota = QuotaView.of(quotas.detail(quotaId), session.formats(), session.now());
        return session.page(Templates.retract(session.viewer(), quota, subquota(quota, subquotaId), false));
    }

    @POST
    @Path("/subquotas/{subquotaId}/retract")
    public Object retract(@PathParam("quotaId") UUID quotaId, @PathParam("subquotaId") UUID subquotaId) {
        QuotaView before = QuotaView.of(quotas.detail(quotaId), session.formats(), session.now());
        SubquotaView subquota = subquota(before, subquotaId);
        MyQuotaDetail after;
        try {
            after = quotas.retract(quotaId, subquotaId);
        } catch (WebApplicationException e) {
            Refusal.expected(e, json, 409);
            // the recipient claimed meanwhile (on the web or in the app): the page again, as it stands now
            QuotaView now = QuotaView.of(quotas.detail(quotaId), session.formats(), session.now());
            return session.page(Templates.retract(session.viewer(), now, subquota(now, subquotaId), true));
        }
        int back = after.quota().ticketCounts().getOrDefault("ALLOCATED", 0) - before.allocated();
        return Response.seeOther(URI.create("/holder?done=retracted&count=" + Math.max(back, 0) + "&to="
                + Forms.query(subquota.name()))).build();
    }

    private TemplateInstance refused(UUID quotaId, QuotaView quota, Request request, WebApplicationException e) {
        Refusal refusal = Refusal.expected(e, json, 400, 409);
        QuotaView shown = quota;
        if (refusal.isConflict()) {
            shown = QuotaView.of(quotas.detail(quotaId), session.formats(), session.now());
        }
        List<String> other = new ArrayList<>();
        refusal.violations().stream().filter(v -> !List.of("tickets", "ticketIds", "recipientName", "recipientEmail",
                "personalMessage").contains(v.field())).forEach(v -> other.add(v.message()));
        Problems problems = new Problems(refusal.reasonFor("tickets").or(() -> refusal.reasonFor("ticketIds"))
                .orElse(null), refusal.reasonFor("recipientName").orElse(null),
                refusal.reasonFor("recipientEmail").orElse(null), refusal.reasonFor("personalMessage").orElse(null),
                other, refusal.isConflict());
        return session.page(Templates.form(session.viewer(), shown, request, problems));
    }

    /** The quota, if the holder may pass its tickets on; a quota without the permission has no send page. */
    private QuotaView sendable(UUID quotaId) {
        QuotaView quota = QuotaView.of(quotas.detail(quotaId), session.formats(), session.now());
        if (!quota.maySend()) {
            throw new NotFoundException();
        }
        return quota;
    }

    private static SubquotaView subquota(QuotaView quota, UUID subquotaId) {
        return quota.subquotas().stream().filter(s -> s.id().equals(subquotaId)).findFirst()
                .orElseThrow(NotFoundException::new);
    }

    private static NewSubquota subquota(Request request) {
        String message = request.message().isEmpty() ? null : request.message();
        if ("cards".equals(request.mode())) {
            return new NewSubquota(request.recipientEmail(), request.recipientName(), null, request.ticketIds(),
                    message);
        }
        Integer count;
        try {
            count = Integer.valueOf(request.tickets());
        } catch (NumberFormatException notANumber) {
            count = 0;
        }
        return new NewSubquota(request.recipientEmail(), request.recipientName(), count, null, message);
    }



}
