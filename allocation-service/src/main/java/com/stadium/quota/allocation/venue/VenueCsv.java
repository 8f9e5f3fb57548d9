package com.stadium.quota.allocation.venue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.stadium.quota.allocation.venue.VenueDefinition.SeatDefinition;
import com.stadium.quota.allocation.venue.VenueDefinition.SectorDefinition;
import com.stadium.quota.web.CsvUpload;
import com.stadium.quota.web.InvalidInput;
import com.stadium.quota.web.Violation;

/**
 * Reads a venue layout from CSV: one line per seat, a header line naming the columns (any order; comma or
 * semicolon; UTF-8 with or without BOM). Columns: {@code sector}, {@code category}, {@code row}, {@code seat}
 * are required; {@code sector_name}, {@code row_label}, {@code seat_label}, {@code block}, {@code accessible},
 * {@code companion}, {@code restricted_view}, {@code quality}, {@code x}, {@code y} are optional. Read with
 * {@link CsvUpload}, so line numbers are the file's own (the header is line 1).
 */
public final class VenueCsv {

    static final Set<String> REQUIRED = Set.of("sector", "category", "row", "seat");
    static final Set<String> COLUMNS = Set.of("sector", "sector_name", "category", "row", "row_label", "seat",
            "seat_label", "block", "accessible", "companion", "restricted_view", "quality", "x", "y");

    private VenueCsv() {
    }

    /** The venue the file describes; {@link InvalidInput} with every problem found, by line and column. */
    public static VenueDefinition read(String code, String name, String csv) {
        List<Violation> violations = new ArrayList<>();
        Map<String, Sector> sectors = new LinkedHashMap<>();
        int[] seats = {0};
        CsvUpload.read(csv, COLUMNS, REQUIRED, Map.of(), row -> {
            if (++seats[0] > VenueCheck.MAX_SEATS) {
                throw InvalidInput.of("file", "a venue may have at most " + VenueCheck.MAX_SEATS + " seats");
            }
            String sectorCode = row.text("sector");
            if (sectorCode == null || row.text("category") == null) {
                violations.add(Violation.at(row.line(), sectorCode == null ? "sector" : "category", null,
                        "is required on every line"));
                return;
            }
            Sector sector = sectors.computeIfAbsent(sectorCode,
                    c -> new Sector(row.text("sector_name"), row.text("category"), row.line()));
            sector.agrees(row, violations);
            sector.seats.add(new SeatDefinition(row.integer("row", violations), row.text("row_label"),
                    row.integer("seat", violations), row.text("seat_label"), row.integer("block", violations),
                    row.bool("accessible", violations), row.bool("companion", violations),
                    row.bool("restricted_view", violations), row.integer("quality", violations),
                    row.decimal("x", violations), row.decimal("y", violations), row.line()));
        });
        if (!violations.isEmpty()) {
            throw new InvalidInput(violations);
        }
        List<SectorDefinition> definitions = new ArrayList<>();
        sectors.forEach((sectorCode, s) -> definitions.add(
                new SectorDefinition(sectorCode, s.name, s.category, s.seats)));
        return new VenueDefinition(code, name, definitions);
    }

    private static final class Sector {
        final String name;
        final String category;
        final int firstLine;
        final List<SeatDefinition> seats = new ArrayList<>();

        Sector(String name, String category, int firstLine) {
            this.name = name;
            this.category = category;
            this.firstLine = firstLine;
        }

        void agrees(CsvUpload.Row values, List<Violation> violations) {
            String lineCategory = values.text("category");
            if (lineCategory != null && category != null && !lineCategory.equals(category)) {
                violations.add(Violation.at(values.line(), "category", lineCategory,
                        "sector has category " + category + " on line " + firstLine));
            }
            String lineName = values.text("sector_name");
            if (lineName != null && name != null && !lineName.equals(name)) {
                violations.add(Violation.at(values.line(), "sector_name", lineName,
                        "sector is named " + name + " on line " + firstLine));
            }
        }
    }
}
