package com.stadium.quota.portal.seats;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import com.stadium.quota.portal.admin.AllocationServiceClient.SeatView;
import com.stadium.quota.portal.seats.SeatMap.SeatKey;

class SeatMapTest {

    private static SeatView seat(int row, int number, double x, double y, String state, boolean accessible,
            boolean restricted) {
        return new SeatView(row * 100L + number, row, Integer.toString(row), number, Integer.toString(number), 0,
                accessible, false, restricted, 50, x, y, state);
    }

    private static final List<SeatView> SEATS = List.of(seat(1, 1, 3, 1, "FREE", false, false),
            seat(1, 2, 4, 1, "HELD", false, false), seat(2, 1, 3, 2, "SOLD", false, true),
            seat(2, 2, 5, 2, "FREE", true, false));

    private static Document parse(String svg) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    private static String title(SeatView seat) {
        return "Row " + seat.rowLabel() + ", seat " + seat.label() + " — " + seat.state().toLowerCase();
    }

    private static List<Element> seats(Document svg) {
        NodeList groups = svg.getElementsByTagName("g");
        return java.util.stream.IntStream.range(0, groups.getLength()).mapToObj(i -> (Element) groups.item(i))
                .toList();
    }

    @Test
    void drawsEachSeatAtItsPositionInSeatSpacingsFromTheTopLeftSeat() throws Exception {
        Document svg = parse(SeatMap.svg("W3", SEATS, Set.of(), SeatMapTest::title));
        Element root = svg.getDocumentElement();
        // x from 3 to 5, y from 1 to 2: two and one spacings, plus the padding on both sides
        assertThat(root.getAttribute("viewBox")).isEqualTo("0 0 " + (2 * SeatMap.UNIT + 2 * SeatMap.PADDING) + " "
                + (SeatMap.UNIT + 2 * SeatMap.PADDING));
        assertThat(root.getAttribute("aria-label")).isEqualTo("W3");
        Element first = (Element) seats(svg).get(0).getElementsByTagName("circle").item(0);
        assertThat(first.getAttribute("cx")).isEqualTo(Integer.toString(SeatMap.PADDING));
        assertThat(first.getAttribute("cy")).isEqualTo(Integer.toString(SeatMap.PADDING));
        Element second = (Element) seats(svg).get(1).getElementsByTagName("circle").item(0);
        assertThat(second.getAttribute("cx")).isEqualTo(Integer.toString(SeatMap.PADDING + SeatMap.UNIT));
    }

    @Test
    void givesEverySeatItsStateAsAClassAShapeBeyondColourAFocusStopAndATitle() throws Exception {
        List<Element> seats = seats(parse(SeatMap.svg("W3", SEATS, Set.of(), SeatMapTest::title)));
        assertThat(seats).extracting(g -> g.getAttribute("class")).containsExactly("seat free", "seat held",
                "seat sold restricted", "seat free accessible");
        assertThat(seats).allSatisfy(g -> assertThat(g.getAttribute("tabindex")).isEqualTo("0"));
        assertThat(seats.get(0).getElementsByTagName("title").item(0).getTextContent())
                .isEqualTo("Row 1, seat 1 — free");
        // sold carries a dot, a wheelchair place is a square
        assertThat(seats.get(2).getElementsByTagName("circle").getLength()).isEqualTo(2);
        assertThat(seats.get(3).getElementsByTagName("rect").getLength()).isEqualTo(1);
    }

    @Test
    void ringsOnlyTheHighlightedSeats() throws Exception {
        List<Element> seats = seats(parse(SeatMap.svg("W3", SEATS, Set.of(new SeatKey("1", "2"), new SeatKey("9", "9")),
                SeatMapTest::title)));
        assertThat(seats).filteredOn(g -> g.getAttribute("class").contains("mine"))
                .extracting(g -> g.getAttribute("data-row") + "/" + g.getAttribute("data-seat"))
                .containsExactly("1/2");
        assertThat(seats.get(1).getElementsByTagName("circle").item(0)).extracting(n -> ((Element) n)
                .getAttribute("class")).isEqualTo("ring");
    }

    @Test
    void escapesLabelsAndTitlesFromTheVenueFile() throws Exception {
        SeatView odd = new SeatView(1, 1, "<R&1>", 1, "\"5'", 0, false, false, false, 50, 1, 1, "FREE");
        String svg = SeatMap.svg("W<3>", List.of(odd), Set.of(), s -> "Row " + s.rowLabel() + " <b>");
        assertThat(svg).doesNotContain("<R&1>").doesNotContain("<b>").doesNotContain("W<3>");
        Element seat = seats(parse(svg)).get(0);
        assertThat(seat.getAttribute("data-row")).isEqualTo("<R&1>");
        assertThat(seat.getAttribute("data-seat")).isEqualTo("\"5'");
        assertThat(seat.getElementsByTagName("title").item(0).getTextContent()).isEqualTo("Row <R&1> <b>");
    }

    @Test
    void writesCoordinatesWithOneDecimalAtMostAndNeverACommaFromTheLocale() {
        assertThat(SeatMap.number(12)).isEqualTo("12");
        assertThat(SeatMap.number(19.5)).isEqualTo("19.5");
        assertThat(SeatMap.number(0.04)).isEqualTo("0");
        assertThat(SeatMap.number(-0.5)).isEqualTo("-0.5");
        assertThat(SeatMap.number(7.25)).isEqualTo("7.3");
    }

    @Test
    void anEmptySectorIsAnEmptyDrawing() throws Exception {
        Document svg = parse(SeatMap.svg("W3", List.of(), Set.of(), SeatMapTest::title));
        assertThat(seats(svg)).isEmpty();
    }
}
