package com.stadium.quota.portal.seats;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

import com.stadium.quota.portal.admin.AllocationServiceClient.SeatView;

/**
 * Draws one sector as inline SVG, server-side, from allocation-service's seats. Positions are allocation-service's x
 * and y, which are in seat spacings (the venue loader's default is the seat number and the row), so one unit is
 * {@value #UNIT} pixels of the drawing. Each seat is a focusable group with a {@code <title>} ("Row 3, seat 12 —
 * free"); its classes carry the state, and the state is never told by colour alone: free seats are open circles,
 * held ones hatched, sold ones filled with a dot, wheelchair places are squares, restricted-view seats have a dashed
 * outline, and this quota's seats a thick ring. The hatch pattern is defined once per page by the legend.
 */
public final class SeatMap {

    static final int UNIT = 12;
    static final int PADDING = 24;
    private static final double RADIUS = 4.5;

    /** A seat by the labels a ticket carries (row and seat as printed). */
    public record SeatKey(String row, String seat) {
        public static SeatKey of(SeatView seat) {
            return new SeatKey(seat.rowLabel(), seat.label());
        }
    }

    private SeatMap() {
    }

    /**
     * The sector's SVG.
     *
     * @param sector the sector's code, for the drawing's accessible name
     * @param seats allocation-service's seats of the sector at one match
     * @param highlighted the seats to ring (this quota's)
     * @param title the text of a seat's {@code <title>}, in the reader's language
     */
    public static String svg(String sector, List<SeatView> seats, Set<SeatKey> highlighted,
            Function<SeatView, String> title) {
        double minX = seats.stream().mapToDouble(SeatView::x).min().orElse(0);
        double maxX = seats.stream().mapToDouble(SeatView::x).max().orElse(0);
        double minY = seats.stream().mapToDouble(SeatView::y).min().orElse(0);
        double maxY = seats.stream().mapToDouble(SeatView::y).max().orElse(0);
        long width = Math.round((maxX - minX) * UNIT) + 2 * PADDING;
        long height = Math.round((maxY - minY) * UNIT) + 2 * PADDING;
        StringBuilder svg = new StringBuilder(seats.size() * 260 + 200);
        svg.append("<svg class=\"seat-map\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(width)
                .append(' ').append(height).append("\" width=\"").append(width).append("\" role=\"group\" aria-label=\"")
                .append(escape(sector)).append("\" data-sector=\"").append(escape(sector)).append("\">");
        for (SeatView seat : seats) {
            double cx = PADDING + (seat.x() - minX) * UNIT;
            double cy = PADDING + (seat.y() - minY) * UNIT;
            String state = seat.state() == null ? "free" : seat.state().toLowerCase(Locale.ROOT);
            boolean mine = highlighted.contains(SeatKey.of(seat));
            svg.append("<g class=\"seat ").append(escape(state));
            if (mine) {
                svg.append(" mine");
            }
            if (seat.accessible()) {
                svg.append(" accessible");
            }
            if (seat.restrictedView()) {
                svg.append(" restricted");
            }
            svg.append("\" tabindex=\"0\" data-row=\"").append(escape(seat.rowLabel())).append("\" data-seat=\"")
                    .append(escape(seat.label())).append("\"><title>").append(escape(title.apply(seat)))
                    .append("</title>");
            if (mine) {
                svg.append("<circle class=\"ring\" cx=\"").append(number(cx)).append("\" cy=\"").append(number(cy))
                        .append("\" r=\"").append(number(RADIUS + 1.5)).append("\"/>");
            }
            if (seat.accessible()) {
                svg.append("<rect class=\"shape\" x=\"").append(number(cx - RADIUS)).append("\" y=\"")
                        .append(number(cy - RADIUS)).append("\" width=\"").append(number(2 * RADIUS))
                        .append("\" height=\"").append(number(2 * RADIUS)).append("\"/>");
            } else {
                svg.append("<circle class=\"shape\" cx=\"").append(number(cx)).append("\" cy=\"").append(number(cy))
                        .append("\" r=\"").append(number(RADIUS)).append("\"/>");
            }
            if ("sold".equals(state)) {
                svg.append("<circle class=\"dot\" cx=\"").append(number(cx)).append("\" cy=\"").append(number(cy))
                        .append("\" r=\"1.6\"/>");
            }
            svg.append("</g>");
        }
        return svg.append("</svg>").toString();
    }

    /** Text and attribute values as XML wants them; labels come from a venue file anyone may have written. */
    static String escape(String value) {
        if (value == null) {
            return "";
        }
        if (value.chars().noneMatch(c -> c == '<' || c == '>' || c == '&' || c == '"' || c == '\'')) {
            return value;
        }
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * A coordinate with at most one decimal, "12" rather than "12.0", never a locale's comma; by hand, as
     * String.format took most of a large sector's drawing time.
     */
    static String number(double value) {
        long tenths = Math.round(Math.abs(value) * 10);
        String text = tenths % 10 == 0 ? Long.toString(tenths / 10) : (tenths / 10) + "." + (tenths % 10);
        return value < 0 && tenths != 0 ? "-" + text : text;
    }
}
