package com.stadium.quota.allocation.preview;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.stadium.quota.allocation.algorithm.Allocation;
import com.stadium.quota.allocation.algorithm.MultiMatch;
import com.stadium.quota.allocation.algorithm.SeatingPlan;
import com.stadium.quota.allocation.inventory.Inventory;
import com.stadium.quota.allocation.inventory.ScratchInventory;
import com.stadium.quota.allocation.request.SeatAllocation;
import com.stadium.quota.web.InvalidInput;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * A dry run of allocation requests (the CSV import's preview): what the algorithms would hold now, request after
 * request on a scratch copy of the inventory, so two requests of one dry run never get the same seat. Nothing is
 * held, recorded or published; the allocation itself stays the judge.
 */
@Path("/api/allocations/preview")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"quota-manager", "suite-service"})
@Tag(name = "Allocation dry run")
@SecurityRequirement(name = "SecurityScheme")
public class PreviewResource {

    /** At most this many requests in one dry run. */
    static final int MAX_REQUESTS = 200;

    /**
     * One request, as an allocation request has it.
     *
     * @param seed REDOM's seed; without one the dry run draws with 0 (the allocation then draws with its own)
     */
    public record PreviewRequest(List<Long> matchIds, List<String> sectors, Integer quantity, String algorithm,
            boolean includeAccessible, boolean allowPartial, Long seed) {
    }

    public record Preview(List<PreviewRequest> requests) {
    }

    public record Seat(long seatId, String sector, String row, String seat) {
    }

    public record MatchSeats(long matchId, List<Seat> seats) {
    }

    /**
     * @param index the request's place in the list (0 first)
     * @param freeSeats seats free for the request in its sectors at every match, after the earlier requests
     * @param matches the seats per match (the same seats at each), empty unless (partly) allocated
     * @param freeByMatch for a multi-match request that fails, each match's own free seats: a match with fewer than
     *        asked blocks it
     */
    public record Line(int index, Allocation.Outcome outcome, int requested, int allocated, int freeSeats,
            String reason, String algorithm, Long seed, List<MatchSeats> matches,
            List<MultiMatch.MatchFree> freeByMatch) {
    }

    public record PreviewAnswer(List<Line> lines) {
    }

    @Inject
    SeatAllocation allocation;

    @Inject
    Inventory inventory;

    @POST
    @Transactional(Transactional.TxType.SUPPORTS)
    @Operation(summary = "What the algorithms would hold now for each request, in order, holding nothing",
            description = "Requests are evaluated one after another on a scratch copy of the current inventory: a "
                    + "later request never gets a seat an earlier one would take. Nothing is held; the allocation "
                    + "itself decides when the quotas are created.")
    public PreviewAnswer preview(Preview preview) {
        if (preview == null || preview.requests() == null || preview.requests().isEmpty()) {
            throw InvalidInput.of("requests", "at least one request is needed");
        }
        if (preview.requests().size() > MAX_REQUESTS) {
            throw InvalidInput.of("requests", "at most " + MAX_REQUESTS + " requests in one dry run");
        }
        ScratchInventory scratch = new ScratchInventory(inventory::occupied);
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < preview.requests().size(); i++) {
            lines.add(evaluate(i, preview.requests().get(i), scratch));
        }
        return new PreviewAnswer(lines);
    }

    private Line evaluate(int index, PreviewRequest request, ScratchInventory scratch) {
        List<Long> matchIds = request == null || request.matchIds() == null ? List.of() : request.matchIds();
        List<String> sectors = request == null || request.sectors() == null ? List.of() : request.sectors();
        int quantity = request == null || request.quantity() == null ? 0 : request.quantity();
        long seed = request == null || request.seed() == null ? 0 : request.seed();
        String algorithm = request == null ? null : request.algorithm();
        SeatAllocation.Evaluation evaluation = allocation.evaluate(matchIds, algorithm,
                new SeatAllocation.SeatRequestOptions(sectors, quantity, request != null && request.includeAccessible(),
                        request != null && request.allowPartial()), seed, scratch);
        if (evaluation.rejected() != null) {
            return new Line(index, Allocation.Outcome.REJECTED, quantity, 0, 0, evaluation.rejected(), algorithm,
                    seed, List.of(), List.of());
        }
        SeatingPlan plan = evaluation.plan();
        Allocation result = evaluation.result().allocation();
        scratch.take(plan, matchIds, result.seats());
        List<Seat> seats = result.seats().stream().map(plan::seat)
                .map(s -> new Seat(s.id(), s.sector(), s.rowLabel(), s.label())).toList();
        List<MatchSeats> matches = seats.isEmpty() ? List.of()
                : matchIds.stream().map(id -> new MatchSeats(id, seats)).toList();
        return new Line(index, result.outcome(), result.requested(), result.seats().size(), result.freeSeats(),
                result.reason(), evaluation.algorithm().name(), seed, matches, evaluation.result().freeByMatch());
    }
}
