package com.stadium.quota.quotaservice.quota;

import java.time.Instant;
import java.util.Map;

/** What quota-service needs to know of a match (owned by allocation-service): name, kickoff, sector sizes. */
public record MatchInfo(long id, String name, Instant kickoff, String venueCode, Map<String, Integer> sectorSeats) {
}
