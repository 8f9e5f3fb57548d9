package com.stadium.quota.portal.reassign;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.stadium.quota.portal.holder.HolderQuotaClient;
import com.stadium.quota.portal.holder.HolderQuotaClient.NewAttendee;
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
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * "Change attendee" of a sold ticket: a form for the new person's name and email, sent to quota-service with the
 * attendee version the holder saw. Success goes back to the dashboard with a line saying what happened; a refused
 * field comes back under its field with what was typed; a conflict shows the ticket as it is now.
 */
@Path("/holder/quotas/{quotaId}/tickets/{ticketId}/attendee")
@RolesAllowed("quota-holder")
@Produces(MediaType.TEXT_HTML)
public class AttendeePage {

    @Inject
    HolderSession session;

    @Inject
    @RestClient
    HolderQuotaClient quotas;

    @Inject
    ObjectMapper json;

    /**
     * What the holder typed and what quota-service said about it; {@code problem}: none, conflict (changed meanwhile,
     * may be sent again), gone (changed meanwhile and no longer re-assignable) or closed (never re-assignable here).
     */
    public record Form(String name, String email, String nameError, String emailError, List<String> other,
            String problem) {
        static Form empty() {
            return new Form("", "", null, null, List.of(), "none");
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance form(Viewer viewer, QuotaView quota, CardView card, Form form);
    }

    @GET
    public TemplateInstance form(@PathParam("quotaId") UUID quotaId, @PathParam("ticketId") UUID ticketId) {
        QuotaView quota = quota(quotaId);
        CardView card = card(quota, ticketId);
        return page(quota, card, card.reassignable() ? Form.empty() : closed(Form.empty()));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object change(@PathParam("quotaId") UUID quotaId, @PathParam("ticketId") UUID ticketId,
            @FormParam("name") String name, @FormParam("email") String email,
            @FormParam("attendeeVersion") String seenVersion) {
        Form typed = new Form(Forms.trim(name), Forms.trim(email), null, null, List.of(), "none");
        QuotaView before = quota(quotaId);
        CardView card = card(before, ticketId);
        try {
            quotas.reassign(quotaId, ticketId, new NewAttendee(typed.name(), typed.email(), version(seenVersion)));
        } catch (WebApplicationException e) {
            Refusal refusal = Refusal.expected(e, json, 400, 403, 409);
            if (refusal.status() == 400) {
                List<String> other = refusal.violations().stream()
                        .filter(v -> !"name".equals(v.field()) && !"email".equals(v.field()))
                        .map(Refusal.Violation::message).toList();
                return page(before, card, new Form(typed.name(), typed.email(),
                        refusal.reasonFor("name").orElse(null), refusal.reasonFor("email").orElse(null), other,
                        "none"));
            }
            // changed meanwhile (another tab, the app), no longer sold, or too close to kick-off: the fresh state
            QuotaView now = quota(quotaId);
            CardView fresh = card(now, ticketId);
            String problem = !refusal.isConflict() ? "closed" : fresh.reassignable() ? "conflict" : "gone";
            Form answer = new Form(typed.name(), typed.email(), null, null, List.of(), problem);
            return page(now, fresh, answer);
        }
        String previous = card.attendee() == null ? "" : card.attendee();
        return Response.seeOther(URI.create("/holder?done=reassigned&ticket=" + ticketId + "&from="
                + Forms.query(previous) + "#quota-" + quotaId)).build();
    }

    /** The version the form was drawn with; a tampered value is sent as none, and quota-service decides. */
    private static Integer version(String value) {
        try {
            return Integer.valueOf(Forms.trim(value));
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }

    private static Form closed(Form typed) {
        return new Form(typed.name(), typed.email(), null, null, List.of(), "closed");
    }

    private TemplateInstance page(QuotaView quota, CardView card, Form form) {
        return session.page(Templates.form(session.viewer(), quota, card, form));
    }

    private QuotaView quota(UUID quotaId) {
        return QuotaView.of(quotas.detail(quotaId), session.formats(), session.now());
    }

    private static CardView card(QuotaView quota, UUID ticketId) {
        return quota.cards().stream().filter(c -> c.id().equals(ticketId)).findFirst()
                .orElseThrow(NotFoundException::new);
    }
}
