package com.stadium.quota.allocation.venue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import com.stadium.quota.allocation.venue.VenueDefinition.SeatDefinition;
import com.stadium.quota.allocation.venue.VenueDefinition.SectorDefinition;
import com.stadium.quota.web.InvalidInput;
import com.stadium.quota.web.Violation;

/**
 * The rules a venue must meet before it is stored. Every violation is reported at once, by JSON path or, for a
 * seat read from CSV, by line and column.
 */
public final class VenueCheck {

    static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,29}");
    static final int MAX_SEATS = 200_000;
    private static final int MAX_LABEL = 10;

    private VenueCheck() {
    }

    /** The checked layout, or {@link InvalidInput} naming every problem. */
    public static VenueLayout layout(VenueDefinition venue) {
        List<Violation> violations = new ArrayList<>();
        if (venue == null) {
            throw InvalidInput.of("body", "a venue is required");
        }
        code(venue.code(), "code", 50, violations);
        text(venue.name(), "name", 200, violations);
        List<SectorDefinition> sectors = venue.sectors() == null ? List.of() : venue.sectors();
        if (sectors.isEmpty()) {
            violations.add(Violation.of("sectors", "a venue needs at least one sector"));
        }
        Set<String> codes = new HashSet<>();
        List<VenueLayout.Sector> checked = new ArrayList<>();
        int seatCount = 0;
        for (int s = 0; s < sectors.size(); s++) {
            SectorDefinition sector = sectors.get(s);
            String path = "sectors[" + s + "]";
            if (sector == null) {
                violations.add(Violation.of(path, "must not be null"));
                continue;
            }
            if (code(sector.code(), path + ".code", 30, violations) && !codes.add(sector.code())) {
                violations.add(Violation.of(path + ".code", "sector " + sector.code() + " appears twice"));
            }
            text(sector.category(), path + ".category", 30, violations);
            if (sector.name() != null && sector.name().length() > 200) {
                violations.add(Violation.of(path + ".name", "must be at most 200 characters"));
            }
            List<SeatDefinition> seats = sector.seats() == null ? List.of() : sector.seats();
            if (seats.isEmpty()) {
                violations.add(Violation.of(path + ".seats", "a sector needs at least one seat"));
            }
            seatCount += seats.size();
            checked.add(new VenueLayout.Sector(String.valueOf(sector.code()),
                    sector.name() == null || sector.name().isBlank() ? String.valueOf(sector.code()) : sector.name(),
                    String.valueOf(sector.category()), seats(seats, path, violations)));
        }
        if (seatCount > MAX_SEATS) {
            violations.add(Violation.of("sectors", "a venue may have at most " + MAX_SEATS + " seats"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInput(violations);
        }
        return new VenueLayout(venue.code(), venue.name().trim(), checked);
    }

    private static List<VenueLayout.Seat> seats(List<SeatDefinition> seats, String sectorPath,
            List<Violation> violations) {
        List<VenueLayout.Seat> checked = new ArrayList<>(seats.size());
        Set<Long> places = new HashSet<>();
        for (int i = 0; i < seats.size(); i++) {
            SeatDefinition seat = seats.get(i);
            Where where = new Where(sectorPath + ".seats[" + i + "]", seat == null ? null : seat.line());
            if (seat == null) {
                violations.add(where.violation("seat", null, "must not be null"));
                continue;
            }
            int before = violations.size();
            if (seat.row() == null || seat.row() < 1) {
                violations.add(where.violation("row", seat.row(), "must be a row number of 1 or more"));
            }
            if (seat.number() == null || seat.number() < 1) {
                violations.add(where.violation("seat", seat.number(), "must be a seat number of 1 or more"));
            }
            if (seat.block() != null && seat.block() < 0) {
                violations.add(where.violation("block", seat.block(), "must be 0 or more"));
            }
            if (seat.quality() != null && (seat.quality() < 0 || seat.quality() > 100)) {
                violations.add(where.violation("quality", seat.quality(), "must be between 0 and 100"));
            }
            if (Boolean.TRUE.equals(seat.accessible()) && Boolean.TRUE.equals(seat.companion())) {
                violations.add(where.violation("companion", true, "a wheelchair place is not also a companion seat"));
            }
            label(seat.rowLabel(), "row_label", where, violations);
            label(seat.label(), "seat_label", where, violations);
            if (violations.size() > before) {
                continue;
            }
            if (!places.add(((long) seat.row() << 32) | seat.number())) {
                violations.add(where.violation("seat", seat.number(),
                        "row " + seat.row() + " seat " + seat.number() + " appears twice in this sector"));
                continue;
            }
            checked.add(new VenueLayout.Seat(seat.row(), orElse(seat.rowLabel(), seat.row()), seat.number(),
                    orElse(seat.label(), seat.number()), seat.block() == null ? 0 : seat.block(),
                    Boolean.TRUE.equals(seat.accessible()), Boolean.TRUE.equals(seat.companion()),
                    Boolean.TRUE.equals(seat.restrictedView()), seat.quality() == null ? 50 : seat.quality(),
                    seat.x() == null ? seat.number() : seat.x(), seat.y() == null ? seat.row() : seat.y()));
        }
        return checked;
    }

    /** Names a seat's field by JSON path, or by CSV line and column. */
    private record Where(String path, Integer line) {
        Violation violation(String column, Object value, String message) {
            String shown = value == null ? null : String.valueOf(value);
            return line == null ? new Violation(path + "." + jsonName(column), message, null, shown)
                    : Violation.at(line, column, shown, message);
        }

        private static String jsonName(String column) {
            return switch (column) {
                case "seat" -> "number";
                case "row_label" -> "rowLabel";
                case "seat_label" -> "label";
                default -> column;
            };
        }
    }

    private static boolean code(String value, String field, int max, List<Violation> violations) {
        if (value == null || value.isBlank()) {
            violations.add(Violation.of(field, "is required"));
            return false;
        }
        if (value.length() > max || !CODE.matcher(value).matches()) {
            violations.add(new Violation(field, "must be letters, digits, '-' or '_' (at most " + max
                    + " characters), starting with a letter or digit", null, value));
            return false;
        }
        return true;
    }

    private static void text(String value, String field, int max, List<Violation> violations) {
        if (value == null || value.isBlank()) {
            violations.add(Violation.of(field, "is required"));
        } else if (value.length() > max) {
            violations.add(Violation.of(field, "must be at most " + max + " characters"));
        }
    }

    private static void label(String value, String column, Where where, List<Violation> violations) {
        if (value != null && (value.isBlank() || value.length() > MAX_LABEL)) {
            violations.add(where.violation(column, value, "must be 1 to " + MAX_LABEL + " characters"));
        }
    }

    private static String orElse(String label, int number) {
        return label == null ? Integer.toString(number) : label.trim();
    }
}
