package com.stadium.quota.allocation.algorithm;

import java.util.List;

/**
 * What an allocation asks for: sectors in order of preference, how many seats, and the options.
 *
 * @param seed drives REDOM's draw; the same seed on the same inventory gives the same seats
 */
public record SeatRequest(Algorithm algorithm, List<String> sectors, int quantity, boolean includeAccessible,
        boolean allowPartial, long seed) {

    public SeatRequest {
        sectors = List.copyOf(sectors);
    }
}
