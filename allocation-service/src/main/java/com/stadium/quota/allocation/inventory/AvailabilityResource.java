package com.stadium.quota.allocation.inventory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.stadium.quota.allocation.algorithm.SeatingPlan;
import com.stadium.quota.allocation.inventory.Availability.MatchAvailability;
import com.stadium.quota.allocation.inventory.Availability.SeatState;
import com.stadium.quota.allocation.match.Match;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
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

    public record SeatView(long id, int row, String rowLabel, int number, String label, int block, boolean accessible,
            boolean companion, boolean restrictedView, int quality, double x, double y, SeatState state) {
    }

    @Inject
    Inventory inventory;

    @Inject
    Availability availability;

    @GET
    @Path("/availability")
    @Operation(summary = "Free, held and sold seats of a match, per sector")
    public MatchAvailability availability(@PathParam("matchId") long matchId) {
        return availability.of(match(matchId));
    }

    @GET
    @Path("/sectors/{sector}/seats")
    @Operation(summary = "The seat map of one sector at a match: every seat with its position and state")
    public List<SeatView> seatMap(@PathParam("matchId") long matchId, @PathParam("sector") String code) {
        Match match = match(matchId);
        SeatingPlan plan = inventory.plan(match.venueId);
        SeatingPlan.Sector sector = plan.sector(code)
                .orElseThrow(() -> new NotFoundException("no sector " + code + " at match " + matchId));
        Map<Long, SeatState> states = availability.states(matchId);
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
}
