package com.stadium.quota.portal.quotas;

import java.net.URI;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import com.stadium.quota.portal.admin.AdminSession;
import com.stadium.quota.portal.admin.QuotaServiceClient;
import com.stadium.quota.portal.admin.QuotaServiceClient.QuotaDetail;
import com.stadium.quota.portal.admin.QuotaServiceClient.QuotaSummary;
import com.stadium.quota.portal.admin.QuotaServiceClient.TicketView;
import com.stadium.quota.portal.seats.SeatMap.SeatKey;
import com.stadium.quota.portal.seats.SeatMaps;
import com.stadium.quota.portal.seats.SeatMaps.SectorMap;
import com.stadium.quota.portal.web.Formats;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * One quota for an admin: its tickets, subquotas with their progress, the audit trail, the allocation's seed and
 * algorithm, and the actions (re-send the invitation, revoke the link, cancel, act as the holder). Its own root
 * resource beside the list: JAX-RS picks the most specific root path, so everything under /admin/quotas/{id} that is
 * not the cancellation dialog lives here.
 */
@Path("/admin/quotas/{quotaId}")
@RolesAllowed("quota-manager")
@Produces(MediaType.TEXT_HTML)
public class QuotaDetailPage {

    @Inject
    AdminSession session;

    @Inject
    @RestClient
    QuotaServiceClient quotas;

    @Inject
    SeatMaps seatMaps;

    /** A subquota's line: how many of its tickets the recipient has claimed (reserved or paid) of all. */
    public record SubquotaLine(QuotaSummary quota, int claimed, int percent) {
        static SubquotaLine of(QuotaSummary quota) {
            int claimed = quota.count("SOLD") + quota.count("RESERVED");
            int live = Math.max(1, quota.quantity() - quota.count("CANCELLED"));
            return new SubquotaLine(quota, claimed, Math.min(100, claimed * 100 / live));
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance detail(AdminSession.Admin admin, Formats formats, QuotaDetail detail,
                List<SubquotaLine> subquotas, List<String> statuses, String done, List<SectorMap> maps);

        static native TemplateInstance detail$status(QuotaSummary quota, String failureReason);

        static native TemplateInstance detail$counts(QuotaSummary quota, List<String> statuses);

        static native TemplateInstance detail$held(QuotaDetail detail, Formats formats, List<SectorMap> maps);

        static native TemplateInstance detail$subquotas(List<SubquotaLine> subquotas);
    }

    @GET
    public TemplateInstance detail(@PathParam("quotaId") UUID quotaId, @QueryParam("done") String done) {
        QuotaDetail detail = quotas.detail(quotaId);
        return session.page(Templates.detail(session.admin(), session.formats(), detail, subquotas(detail),
                QuotaListPage.STATUSES, done == null || !List.of("resent", "revoked").contains(done) ? null : done,
                maps(detail)));
    }

    /**
     * The allocation's state, with the counts, the held seats and the subquotas (marked hx-swap-oob, which htmx
     * ignores on a full page): fetched again whenever the live stream says this quota or one of its subquotas
     * changed, and when the tab becomes visible again (a stream that could not connect).
     */
    @GET
    @Path("/status")
    public String status(@PathParam("quotaId") UUID quotaId) {
        QuotaDetail detail = quotas.detail(quotaId);
        return session.page(Templates.detail$status(detail.quota(), detail.failureReason())).render()
                + session.page(Templates.detail$counts(detail.quota(), QuotaListPage.STATUSES)).render()
                + session.page(Templates.detail$held(detail, session.formats(), maps(detail))).render()
                + session.page(Templates.detail$subquotas(subquotas(detail))).render();
    }

    private static List<SubquotaLine> subquotas(QuotaDetail detail) {
        return detail.subquotas() == null ? List.of() : detail.subquotas().stream().map(SubquotaLine::of).toList();
    }

    /** One map per sector this quota's live tickets use (in the tickets' order), with those seats ringed. */
    private List<SectorMap> maps(QuotaDetail detail) {
        Map<String, Set<SeatKey>> bySector = new LinkedHashMap<>();
        for (TicketView ticket : detail.tickets() == null ? List.<TicketView>of() : detail.tickets()) {
            if (!"CANCELLED".equals(ticket.status()) && ticket.sector() != null) {
                bySector.computeIfAbsent(ticket.sector(), s -> new HashSet<>())
                        .add(new SeatKey(ticket.row(), ticket.seat()));
            }
        }
        return bySector.entrySet().stream().map(e -> seatMaps.sector(detail.quota().matchId(), e.getKey(),
                e.getValue(), session.formats().locale())).toList();
    }

    @POST
    @Path("/resend-invitation")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response resend(@PathParam("quotaId") UUID quotaId) {
        quotas.resendInvitation(quotaId);
        return Response.seeOther(URI.create("/admin/quotas/" + quotaId + "?done=resent")).build();
    }

    @POST
    @Path("/revoke-invitation")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response revoke(@PathParam("quotaId") UUID quotaId) {
        quotas.revokeInvitation(quotaId);
        return Response.seeOther(URI.create("/admin/quotas/" + quotaId + "?done=revoked")).build();
    }
}
