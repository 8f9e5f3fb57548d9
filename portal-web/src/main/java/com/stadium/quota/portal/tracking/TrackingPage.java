package com.stadium.quota.portal.tracking;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import com.stadium.quota.portal.admin.AdminSession;
import com.stadium.quota.portal.admin.AllocationServiceClient;
import com.stadium.quota.portal.admin.AllocationServiceClient.MatchView;
import com.stadium.quota.portal.tracking.DeliveryClient.Delivery;
import com.stadium.quota.portal.tracking.SponsorLines.Line;
import com.stadium.quota.portal.tracking.SponsorLines.Summary;
import com.stadium.quota.portal.web.Formats;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Sponsor tracking of one match: every quota and sub-recipient with the invitation's delivery, whether the link was
 * used and the tickets claimed, paid and passed on; "?show=never-opened" keeps the follow-up list, which also
 * downloads as CSV. Its own root resource: the path is more specific than the match page's.
 */
@Path("/admin/matches/{matchId}/tracking")
@RolesAllowed("quota-manager")
public class TrackingPage {

    private static final Logger LOG = Logger.getLogger(TrackingPage.class);
    static final String NEVER_OPENED = "never-opened";

    @Inject
    AdminSession session;

    @Inject
    @RestClient
    TrackingClient tracking;

    @Inject
    @RestClient
    DeliveryClient deliveries;

    @Inject
    @RestClient
    AllocationServiceClient allocation;

    /** The match in the heading; without allocation-service only its number is known. */
    public record MatchHead(long id, String name, Instant kickoff) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance tracking(AdminSession.Admin admin, Formats formats, MatchHead match,
                List<MatchView> matches, List<Line> lines, Summary summary, boolean neverOpenedOnly,
                boolean deliveriesUnknown);
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance tracking(@PathParam("matchId") long matchId, @QueryParam("show") String show) {
        List<TrackingClient.Tracked> tracked = tracking.ofMatch(matchId).quotas();
        Optional<Map<String, Delivery>> mails = deliveries(SponsorLines.deliveryKeys(tracked));
        List<Line> lines = SponsorLines.lines(tracked, mails);
        boolean neverOpenedOnly = NEVER_OPENED.equals(show);
        List<MatchView> matches = allocation.matchesIfAnswering();
        MatchHead match = matches.stream().filter(m -> m.id() == matchId).findFirst()
                .map(m -> new MatchHead(m.id(), m.name(), m.kickoff()))
                .orElse(new MatchHead(matchId, null, null));
        return session.page(Templates.tracking(session.admin(), session.formats(), match, matches,
                neverOpenedOnly ? SponsorLines.neverOpened(lines) : lines, SponsorLines.summary(lines),
                neverOpenedOnly, mails.isEmpty()));
    }

    /** quota-service writes the file (the suite's one formula-safe CSV writer); the portal hands it on. */
    @GET
    @Path("/never-opened.csv")
    @Produces("text/csv")
    public Response neverOpenedCsv(@PathParam("matchId") long matchId) {
        return Response.ok(tracking.neverOpenedCsv(matchId), "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"never-opened-match-" + matchId + ".csv\"")
                .build();
    }

    /** One call per 200 quotas; a notification-adapter that does not answer leaves the delivery column "unknown". */
    private Optional<Map<String, Delivery>> deliveries(List<String> quotaIds) {
        Map<String, Delivery> byQuota = new HashMap<>();
        try {
            for (int from = 0; from < quotaIds.size(); from += DeliveryClient.MAX_QUOTAS) {
                deliveries.deliveries(quotaIds.subList(from, Math.min(quotaIds.size(),
                        from + DeliveryClient.MAX_QUOTAS))).quotas().forEach(d -> byQuota.put(d.quotaId(), d));
            }
            return Optional.of(byQuota);
        } catch (RuntimeException e) {
            LOG.warnf("notification-adapter unavailable for sponsor tracking: %s", e.getMessage());
            return Optional.empty();
        }
    }

}
