package com.stadium.quota.allocation.venue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

class StadiumGeneratorTest {

    private final VenueLayout arena = StadiumGenerator.generate("ARENA", "Example Arena");

    @Test
    void hasAboutSixtyThousandSeatsInNamedSectors() {
        assertThat(arena.seatCount()).isBetween(57_000, 63_000);
        assertThat(arena.sectors()).hasSizeGreaterThan(30);
        assertThat(arena.sectors()).extracting(VenueLayout.Sector::code)
                .doesNotHaveDuplicates()
                .contains("W1", "WU3", "VIP-WEST", "NE");
    }

    @Test
    void sameCallGivesTheSameStadium() {
        assertThat(StadiumGenerator.generate("ARENA", "Example Arena")).isEqualTo(arena);
    }

    @Test
    void everyRowIsNumberedFromOneWithoutGapsAndSplitByAislesIntoBlocksOfAtMostEighteen() {
        for (VenueLayout.Sector sector : arena.sectors()) {
            Map<Integer, List<VenueLayout.Seat>> rows = sector.seats().stream()
                    .collect(Collectors.groupingBy(VenueLayout.Seat::row));
            rows.forEach((row, seats) -> {
                for (int i = 0; i < seats.size(); i++) {
                    assertThat(seats.get(i).number()).as("%s row %d", sector.code(), row).isEqualTo(i + 1);
                }
                Map<Integer, Long> blockSizes = seats.stream()
                        .collect(Collectors.groupingBy(VenueLayout.Seat::block, Collectors.counting()));
                assertThat(blockSizes.values()).allMatch(size -> size <= StadiumGenerator.MAX_BLOCK);
                assertThat(seats).isSortedAccordingTo((a, b) -> Integer.compare(a.block(), b.block()));
            });
        }
    }

    @Test
    void sectorsHaveDifferentShapes() {
        VenueLayout.Sector corner = sector("NE");
        VenueLayout.Sector lower = sector("W3");
        assertThat(rowLength(corner, 1)).isLessThan(rowLength(corner, 20));
        assertThat(rowLength(lower, 1)).isLessThan(rowLength(lower, 25));
        assertThat(rowLength(sector("VIP-WEST"), 1)).isEqualTo(rowLength(sector("VIP-WEST"), 12));
    }

    @Test
    void wheelchairPlacesEachHaveACompanionSeatBesideThem() {
        VenueLayout.Sector lower = sector("E2");
        List<VenueLayout.Seat> seats = lower.seats();
        List<VenueLayout.Seat> accessible = seats.stream().filter(VenueLayout.Seat::accessible).toList();
        assertThat(accessible).hasSize(4);
        for (VenueLayout.Seat place : accessible) {
            assertThat(seats).anyMatch(s -> s.companion() && s.row() == place.row()
                    && s.number() == place.number() + 1);
        }
    }

    @Test
    void centralSeatsScoreHigherThanSeatsAtTheEndsAndScoresStayInRange() {
        VenueLayout.Sector main = sector("W3");
        VenueLayout.Seat centre = seat(main, 10, 27);
        VenueLayout.Seat end = seat(main, 10, 1);
        assertThat(centre.quality()).isGreaterThan(end.quality());
        assertThat(arena.sectors()).flatExtracting(VenueLayout.Sector::seats)
                .extracting(s -> ((VenueLayout.Seat) s).quality())
                .allMatch(q -> (int) q >= 0 && (int) q <= 100);
        assertThat(seat(sector("VIP-WEST"), 6, 20).quality()).isGreaterThan(centre.quality());
    }

    @Test
    void upperTierHasRestrictedViewSeatsBehindPillars() {
        assertThat(sector("NU1").seats()).anyMatch(VenueLayout.Seat::restrictedView);
        assertThat(sector("N1").seats()).noneMatch(VenueLayout.Seat::restrictedView);
    }

    private VenueLayout.Sector sector(String code) {
        return arena.sectors().stream().filter(s -> s.code().equals(code)).findFirst().orElseThrow();
    }

    private static long rowLength(VenueLayout.Sector sector, int row) {
        return sector.seats().stream().filter(s -> s.row() == row).count();
    }

    private static VenueLayout.Seat seat(VenueLayout.Sector sector, int row, int number) {
        return sector.seats().stream().filter(s -> s.row() == row && s.number() == number).findFirst().orElseThrow();
    }
}
