package com.stadium.quota.allocation.inventory;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.hibernate.Session;

import com.stadium.quota.allocation.algorithm.SeatingPlan;
import com.stadium.quota.allocation.match.Match;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/** Counts a match's free, held and sold seats per sector from its venue's plan and the holds in the database. */
@ApplicationScoped
public class Availability {

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

    @Inject
    Inventory inventory;

    @Inject
    EntityManager entityManager;

    /** The counts as the database has them now (committed holds, and the caller's own transaction's). */
    public MatchAvailability of(Match match) {
        SeatingPlan plan = inventory.plan(match.venueId);
        // each seat's state by plan index: the announcer counts a 60,000-seat match every second while it changes
        SeatState[] states = statesByIndex(match.id, plan);
        List<SectorAvailability> sectors = new ArrayList<>();
        int free = 0;
        int held = 0;
        int sold = 0;
        for (SeatingPlan.Sector sector : plan.sectors()) {
            int[] counts = new int[SeatState.values().length];
            int accessibleFree = 0;
            for (int i = sector.from(); i < sector.to(); i++) {
                SeatState state = states[i] == null ? SeatState.FREE : states[i];
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
        return new MatchAvailability(match.id, plan.size(), free, held, sold, sectors);
    }

    private SeatState[] statesByIndex(long matchId, SeatingPlan plan) {
        SeatState[] states = new SeatState[plan.size()];
        entityManager.unwrap(Session.class).doWork(db -> {
            try (PreparedStatement select = db.prepareStatement(
                    "select seat_id, status from seat_hold where match_id = ?")) {
                select.setLong(1, matchId);
                select.setFetchSize(5_000);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        int index = plan.indexOf(rows.getLong(1));
                        if (index >= 0) {
                            states[index] = "SOLD".equals(rows.getString(2)) ? SeatState.SOLD : SeatState.HELD;
                        }
                    }
                }
            }
        });
        return states;
    }

    /** The state of every seat held or sold at the match; a seat not listed is free. */
    public Map<Long, SeatState> states(long matchId) {
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
