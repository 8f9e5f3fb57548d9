package com.stadium.quota.allocation.venue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.stadium.quota.allocation.venue.VenueDefinition.SeatDefinition;
import com.stadium.quota.allocation.venue.VenueDefinition.SectorDefinition;
import com.stadium.quota.web.InvalidInput;
import com.stadium.quota.web.Violation;

class VenueCheckTest {

    private static SeatDefinition seat(Integer row, Integer number) {
        return new SeatDefinition(row, null, number, null, null, null, null, null, null, null, null, null);
    }

    @Test
    void aValidVenueBecomesALayout() {
        VenueLayout layout = VenueCheck.layout(new VenueDefinition("HALL", "Town Hall",
                List.of(new SectorDefinition("A", "Stalls", "CAT1", List.of(seat(1, 1), seat(1, 2))))));
        assertThat(layout.seatCount()).isEqualTo(2);
        assertThat(layout.sectors().get(0).seats().get(1).x()).isEqualTo(2.0);
    }

    @Test
    void everyViolationIsNamedByItsJsonPath() {
        InvalidInput refusal = catchThrowableOfType(InvalidInput.class, () -> VenueCheck.layout(new VenueDefinition(
                "bad code!", " ", List.of(
                        new SectorDefinition("A", null, null, List.of(seat(0, 1), seat(1, null))),
                        new SectorDefinition("A", null, "CAT2", List.of())))));
        assertThat(refusal.violations()).extracting(Violation::field).containsExactlyInAnyOrder(
                "code", "name", "sectors[0].category", "sectors[0].seats[0].row", "sectors[0].seats[1].number",
                "sectors[1].code", "sectors[1].seats");
    }

    @Test
    void aVenueWithoutSectorsIsRefused() {
        InvalidInput refusal = catchThrowableOfType(InvalidInput.class,
                () -> VenueCheck.layout(new VenueDefinition("HALL", "Town Hall", null)));
        assertThat(refusal.violations()).containsExactly(
                Violation.of("sectors", "a venue needs at least one sector"));
    }
}
