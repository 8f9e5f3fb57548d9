package com.stadium.quota.allocation.venue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.stadium.quota.web.InvalidInput;
import com.stadium.quota.web.Violation;

class VenueCsvTest {

    private static List<Violation> refusal(String csv) {
        try {
            VenueCheck.layout(VenueCsv.read("HALL", "Town Hall", csv));
        } catch (InvalidInput e) {
            return e.violations();
        }
        throw new AssertionError("the file was accepted");
    }

    @Test
    void readsSeatsGroupedBySectorWithDefaults() {
        VenueLayout layout = VenueCheck.layout(VenueCsv.read("HALL", "Town Hall", """
                sector,category,row,seat,block,accessible
                A,CAT1,1,1,0,false
                A,CAT1,1,2,0,
                A,CAT1,1,3,1,true
                B,CAT2,1,1,,
                """));
        assertThat(layout.sectors()).extracting(VenueLayout.Sector::code).containsExactly("A", "B");
        VenueLayout.Seat third = layout.sectors().get(0).seats().get(2);
        assertThat(third.block()).isEqualTo(1);
        assertThat(third.accessible()).isTrue();
        assertThat(third.label()).isEqualTo("3");
        assertThat(third.quality()).isEqualTo(50);
        assertThat(layout.sectors().get(1).name()).isEqualTo("B");
    }

    @Test
    void acceptsSemicolonsABomQuotedFieldsAndColumnsInAnyOrder() {
        VenueLayout layout = VenueCheck.layout(VenueCsv.read("HALL", "Town Hall",
                "\uFEFFseat;row;sector_name;sector;category\n1;1;\"Main; lower\";M;VIP\n2;1;\"Main; lower\";M;VIP\n"));
        assertThat(layout.sectors().get(0).name()).isEqualTo("Main; lower");
        assertThat(layout.seatCount()).isEqualTo(2);
    }

    @Test
    void namesTheLineColumnAndValueOfEveryBadField() {
        List<Violation> violations = refusal("""
                sector,category,row,seat,quality,accessible
                A,CAT1,1,1,50,false
                A,CAT1,x,2,50,false
                A,CAT1,1,3,150,maybe
                """);
        assertThat(violations).containsExactlyInAnyOrder(
                Violation.at(3, "row", "x", "must be a whole number"),
                Violation.at(4, "accessible", "maybe", "must be true or false"));
    }

    @Test
    void rangeRulesAreReportedByLineToo() {
        List<Violation> violations = refusal("""
                sector,category,row,seat,quality
                A,CAT1,1,1,150
                A,CAT1,1,1,50
                """);
        assertThat(violations).containsExactly(
                Violation.at(2, "quality", "150", "must be between 0 and 100"));
        assertThat(refusal("""
                sector,category,row,seat
                A,CAT1,1,1
                A,CAT1,1,1
                """)).containsExactly(Violation.at(3, "seat", "1", "row 1 seat 1 appears twice in this sector"));
    }

    @Test
    void aSectorKeepsOneCategory() {
        assertThat(refusal("""
                sector,category,row,seat
                A,CAT1,1,1
                A,CAT2,1,2
                """)).containsExactly(Violation.at(3, "category", "CAT2", "sector has category CAT1 on line 2"));
    }

    @Test
    void unknownOrMissingColumnsAreRefusedBeforeAnyLine() {
        List<Violation> violations = refusal("sector,category,row,colour\nA,CAT1,1,red\n");
        assertThat(violations).extracting(Violation::field).containsExactlyInAnyOrder("colour", "seat");
        assertThat(violations).allMatch(v -> v.line() == 1);
    }

    @Test
    void emptyFilesBrokenQuotesAndRepeatedColumnsAreRefusedWithAReason() {
        assertThat(refusal("")).extracting(Violation::field).containsExactly("file");
        assertThat(refusal("sector,category,row,seat\nA,\"CAT1,1,1\n")).isNotEmpty()
                .allMatch(v -> v.message() != null && !v.message().isBlank());
        assertThat(refusal("sector,Sector,row,seat\nA,B,1,1\n")).extracting(Violation::field, Violation::message)
                .contains(org.assertj.core.groups.Tuple.tuple("sector", "column appears twice"));
    }

    @Test
    void randomBytesNeverEscapeAsAnythingButARefusal() {
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < 300; i++) {
            byte[] bytes = new byte[random.nextInt(300)];
            random.nextBytes(bytes);
            String garbage = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
            assertThatThrownBy(() -> VenueCheck.layout(VenueCsv.read("X", "X", "sector,category,row,seat\n" + garbage)))
                    .isInstanceOf(InvalidInput.class);
        }
    }
}
