package com.stadium.quota.allocation.match;

/**
 * A CDI event, fired inside the transaction that changed a match or its seats (created, seats held, released or
 * sold): the match is announced again once that transaction commits.
 */
public record MatchChanged(long matchId) {
}
