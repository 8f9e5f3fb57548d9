package com.stadium.quota.allocation.inventory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.stadium.quota.allocation.algorithm.SeatingPlan;
import com.stadium.quota.allocation.match.Match;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** What is free, held and sold at a match, per sector and seat by seat, for the admin portal. */
@Path("/api/matches/{matchId}")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"quota-manager", "suite-service"})
@Tag(name = "Availability")
@SecurityRequirement(name = "SecurityScheme")
public class AvailabilityResource {

    /** A seat's state at one match. */
    public enum SeatState {
        FREE, HELD, SOLD
    }

    public record SectorAvailability(String sector, String category, int seats, int free, int held, int sold,
            int accessibleFree) {
    }

    public record MatchAvailability(long matchId, int seats, int free, int held, int sold,
            List<SectorAvailability> sectors) {
    }

    public record SeatView(long id, int row, String rowLabel, int number, String label, int block, boolean accessible,
            boolean companion, boolean restrictedView, int quality, double x, double y, SeatState state) {
    }

    @Inject
    Inventory inventory;

    @Inject
    EntityManager entityManager;

    @GET
    @Path("/availability")
    @Operation(summary = "Free, held and sold seats of a match, per sector")
    public MatchAvailability availability(@PathParam("matchId") long matchId) {
        Match match = match(matchId);
        SeatingPlan plan = inventory.plan(match.venueId);
        Map<Long, SeatState> states = states(matchId);
        List<SectorAvailability> sectors = new ArrayList<>();
        int free = 0;
        int held = 0;
        int sold = 0;
        for (SeatingPlan.Sector sector : plan.sectors()) {
            int[] counts = new int[SeatState.values().length];
            int accessibleFree = 0;
            for (int i = sector.from(); i < sector.to(); i++) {
                SeatState state = states.getOrDefault(plan.seat(i).id(), SeatState.FREE);
                counts[state.ordinal()]++;
                if (state == SeatState.FREE && plan.seat(i).accessible()) {
                    accessibleFree++;
                }
            }
            sectors.add(new SectorAvailability(sector.code(), sector.category(), sector.size(),
                    counts[SeatState.FREE.ordinal()], counts[SeatState.HELD.ordinal()],
                    counts[SeatState.SOLD.ordinal()], accessibleFree));
            free += counts[SeatState.FREE.ordinal()];
            held += counts[SeatState.HELD.ordinal()];
            sold += counts[SeatState.SOLD.ordinal()];
        }
        return new MatchAvailability(matchId, plan.size(), free, held, sold, sectors);
    }

    @GET
    @Path("/sectors/{sector}/seats")
    @Operation(summary = "The seat map of one sector at a match: every seat with its position and state")
    public List<SeatView> seatMap(@PathParam("matchId") long matchId, @PathParam("sector") String code) {
        Match match = match(matchId);
        SeatingPlan plan = inventory.plan(match.venueId);
        SeatingPlan.Sector sector = plan.sector(code)
                .orElseThrow(() -> new NotFoundException("no sector " + code + " at match " + matchId));
        Map<Long, SeatState> states = states(matchId);
        List<SeatView> seats = new ArrayList<>(sector.size());
        for (int i = sector.from(); i < sector.to(); i++) {
            SeatingPlan.Seat seat = plan.seat(i);
            seats.add(new SeatView(seat.id(), seat.row(), seat.rowLabel(), seat.number(), seat.label(), seat.block(),
                    seat.accessible(), seat.companion(), seat.restrictedView(), seat.quality(), seat.x(), seat.y(),
                    states.getOrDefault(seat.id(), SeatState.FREE)));
        }
        return seats;
    }

    private static Match match(long matchId) {
        Match match = Match.findById(matchId);
        if (match == null) {
            throw new NotFoundException("no match " + matchId);
        }
        return match;
    }

    private Map<Long, SeatState> states(long matchId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager
                .createNativeQuery("select seat_id, status from seat_hold where match_id = ?1")
                .setParameter(1, matchId).getResultList();
        Map<Long, SeatState> states = new HashMap<>(rows.size() * 2);
        for (Object[] row : rows) {
            states.put(((Number) row[0]).longValue(), SeatState.valueOf((String) row[1]));
        }
        return states;
    }
}
