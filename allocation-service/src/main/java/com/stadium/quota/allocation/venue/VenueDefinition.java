package com.stadium.quota.allocation.venue;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A venue as an admin sends it (JSON body or CSV file): everything may be missing or wrong until
 * {@link VenueCheck} has turned it into a {@link VenueLayout}. Optional seat fields have defaults: row and seat
 * labels are their numbers, block 0, flags false, quality 50, x the seat number and y the row number.
 */
public record VenueDefinition(String code, String name, List<SectorDefinition> sectors) {

    public record SectorDefinition(String code, String name, String category, List<SeatDefinition> seats) {
    }

    /** One seat; {@code line} is set when it came from a CSV file, so refusals can name the line. */
    public record SeatDefinition(Integer row, String rowLabel, Integer number, String label, Integer block,
            Boolean accessible, Boolean companion, Boolean restrictedView, Integer quality, Double x, Double y,
            @JsonIgnore Integer line) {
    }
}
