package com.stadium.quota.messaging.contract;

import java.time.Instant;
import java.util.List;

/**
 * allocation-service announces a match with its free seats per sector: at start, on an admin's request, and (at
 * most about once a second per match) after every change of its inventory — a match created, seats held, released
 * or sold. On {@code match-catalog}, compacted and keyed by match id, so the newest announcement of each match is
 * its state and a new reader builds its model by reading the topic from the beginning.
 *
 * <pre>
 * {"matchId":1,"code":"DEMO-1","name":"FC Example vs Rivals United","kickoff":"2026-12-05T18:30:00Z",
 *  "venueCode":"ARENA","state":"SCHEDULED","revision":1764930600123456,
 *  "sectors":[{"sector":"W1","category":"CAT1","seats":1450,"free":1436,"held":10,"sold":4,"accessibleFree":2},
 *             {"sector":"VIP-WEST","category":"VIP","seats":480,"free":480,"held":0,"sold":0,"accessibleFree":8}]}
 * </pre>
 *
 * @param code the match's own code (e.g. {@code DEMO-1})
 * @param name what people read, e.g. {@code FC Example vs Rivals United}
 * @param state SCHEDULED, or STARTED when the kick-off had passed at the time of the announcement
 * @param revision grows with every announcement of the match: keep the announcement with the highest one
 * @param sectors every sector of the match's venue, in the venue's order
 */
@EventType(name = MatchAnnounced.TYPE, version = MatchAnnounced.VERSION, topic = Topics.MATCH_CATALOG)
public record MatchAnnounced(long matchId, String code, String name, Instant kickoff, String venueCode,
        MatchState state, long revision, List<SectorSeats> sectors) implements SuiteEvent {

    public static final String TYPE = "match.announced";
    public static final int VERSION = 1;

    /** Where a match stands when it is announced. */
    public enum MatchState {
        SCHEDULED, STARTED
    }

    /**
     * The seats of one sector at the match.
     *
     * @param accessibleFree free wheelchair places (included in {@code free})
     */
    public record SectorSeats(String sector, String category, int seats, int free, int held, int sold,
            int accessibleFree) {
    }

    public MatchAnnounced {
        sectors = sectors == null ? List.of() : List.copyOf(sectors);
    }
}
