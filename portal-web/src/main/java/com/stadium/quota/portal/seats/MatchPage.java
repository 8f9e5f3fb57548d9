package com.stadium.quota.portal.seats;

import java.util.List;
import java.util.Set;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import com.stadium.quota.portal.admin.AdminSession;
import com.stadium.quota.portal.admin.AllocationServiceClient;
import com.stadium.quota.portal.admin.AllocationServiceClient.MatchAvailability;
import com.stadium.quota.portal.admin.AllocationServiceClient.MatchView;
import com.stadium.quota.portal.admin.AllocationServiceClient.SectorAvailability;
import com.stadium.quota.portal.seats.SeatMaps.SectorMap;
import com.stadium.quota.portal.web.Formats;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * A match for admins: every sector's free, held and sold seats as a bar with the numbers written out, and a sector's
 * seat map. Its own root resource under /admin (the admin session cookie's path).
 */
@Path("/admin/matches/{matchId}")
@RolesAllowed("quota-manager")
@Produces(MediaType.TEXT_HTML)
public class MatchPage {

    @Inject
    AdminSession session;

    @Inject
    SeatMaps maps;

    @Inject
    @RestClient
    AllocationServiceClient allocation;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance overview(AdminSession.Admin admin, Formats formats, MatchView match,
                MatchAvailability availability, List<SectorBar> sectors);

        static native TemplateInstance sector(AdminSession.Admin admin, Formats formats, MatchView match,
                SectorMap map);
    }

    /** A sector's line: its numbers and each state's share of its seats in per cent, for the bar's widths. */
    public record SectorBar(SectorAvailability sector, int free, int held, int sold) {
        static SectorBar of(SectorAvailability s) {
            return new SectorBar(s, percent(s.free(), s.seats()), percent(s.held(), s.seats()),
                    percent(s.sold(), s.seats()));
        }

        static int percent(int part, int of) {
            return of <= 0 ? 0 : Math.round(part * 100f / of);
        }
    }

    @GET
    public TemplateInstance overview(@PathParam("matchId") long matchId) {
        MatchAvailability availability = allocation.availability(matchId);
        return session.page(Templates.overview(session.admin(), session.formats(), match(matchId), availability,
                availability.sectors().stream().map(SectorBar::of).toList()));
    }

    @GET
    @Path("/sectors/{sector}")
    public TemplateInstance sector(@PathParam("matchId") long matchId, @PathParam("sector") String sector) {
        MatchView match = match(matchId);
        SectorMap map = maps.sector(matchId, sector, Set.of(), session.formats().locale());
        return session.page(Templates.sector(session.admin(), session.formats(), match, map));
    }

    private MatchView match(long matchId) {
        List<MatchView> matches = allocation.matches();
        return matches.stream().filter(m -> m.id() == matchId).findFirst().orElseThrow(NotFoundException::new);
    }
}
