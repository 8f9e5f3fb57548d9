package com.stadium.quota.allocation.venue;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import com.stadium.quota.allocation.venue.VenueDefinition.SeatDefinition;
import com.stadium.quota.allocation.venue.VenueDefinition.SectorDefinition;
import com.stadium.quota.web.InvalidInput;
import com.stadium.quota.web.Violation;

/**
 * Reads a venue layout from CSV: one line per seat, a header line naming the columns (any order; comma or
 * semicolon; UTF-8 with or without BOM). Columns: {@code sector}, {@code category}, {@code row}, {@code seat}
 * are required; {@code sector_name}, {@code row_label}, {@code seat_label}, {@code block}, {@code accessible},
 * {@code companion}, {@code restricted_view}, {@code quality}, {@code x}, {@code y} are optional. Line numbers
 * count the header as line 1.
 */
public final class VenueCsv {

    static final Set<String> REQUIRED = Set.of("sector", "category", "row", "seat");
    static final Set<String> COLUMNS = Set.of("sector", "sector_name", "category", "row", "row_label", "seat",
            "seat_label", "block", "accessible", "companion", "restricted_view", "quality", "x", "y");

    private VenueCsv() {
    }

    /** The venue the file describes; {@link InvalidInput} with every problem found, by line and column. */
    public static VenueDefinition read(String code, String name, String csv) {
        String text = csv == null ? "" : csv.startsWith("\uFEFF") ? csv.substring(1) : csv;
        if (text.isBlank()) {
            throw InvalidInput.of("file", "the file is empty: it needs a header line and one line per seat");
        }
        String header = text.lines().findFirst().orElse("");
        char delimiter = count(header, ';') > count(header, ',') ? ';' : ',';
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setHeader().setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true).setTrim(true).get();
        List<Violation> violations = new ArrayList<>();
        Map<String, Sector> sectors = new LinkedHashMap<>();
        try (Reader reader = new StringReader(text); CSVParser parser = CSVParser.builder().setReader(reader)
                .setFormat(format).get()) {
            List<String> columns = parser.getHeaderNames().stream().map(c -> c.toLowerCase(Locale.ROOT)).toList();
            Set<String> seen = new java.util.HashSet<>();
            for (String column : columns) {
                if (!seen.add(column)) {
                    violations.add(Violation.at(1, column, null, "column appears twice"));
                } else if (!COLUMNS.contains(column)) {
                    violations.add(Violation.at(1, column, null, "unknown column; the columns are " + COLUMNS));
                }
            }
            for (String column : REQUIRED) {
                if (!columns.contains(column)) {
                    violations.add(Violation.at(1, column, null, "required column is missing"));
                }
            }
            if (!violations.isEmpty()) {
                throw new InvalidInput(violations);
            }
            for (CSVRecord record : parser) {
                int line = (int) record.getRecordNumber() + 1;
                if (line > VenueCheck.MAX_SEATS + 1) {
                    throw InvalidInput.of("file", "a venue may have at most " + VenueCheck.MAX_SEATS + " seats");
                }
                Line values = new Line(record, parser.getHeaderNames(), line, violations);
                String sectorCode = values.text("sector");
                if (sectorCode == null || values.text("category") == null) {
                    violations.add(Violation.at(line, sectorCode == null ? "sector" : "category", null,
                            "is required on every line"));
                    continue;
                }
                Sector sector = sectors.computeIfAbsent(sectorCode,
                        c -> new Sector(values.text("sector_name"), values.text("category"), line));
                sector.agrees(values, violations);
                sector.seats.add(new SeatDefinition(values.integer("row"), values.text("row_label"),
                        values.integer("seat"), values.text("seat_label"), values.integer("block"),
                        values.bool("accessible"), values.bool("companion"), values.bool("restricted_view"),
                        values.integer("quality"), values.decimal("x"), values.decimal("y"), line));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IllegalArgumentException | IllegalStateException | UncheckedIOException e) {
            // Commons CSV's words for a broken file: duplicate header, unterminated quote, ...
            throw InvalidInput.of("file", "not a readable CSV file: " + e.getMessage());
        }
        if (!violations.isEmpty()) {
            throw new InvalidInput(violations);
        }
        List<SectorDefinition> definitions = new ArrayList<>();
        sectors.forEach((sectorCode, s) -> definitions.add(
                new SectorDefinition(sectorCode, s.name, s.category, s.seats)));
        return new VenueDefinition(code, name, definitions);
    }

    private static long count(String text, char c) {
        return text.chars().filter(ch -> ch == c).count();
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

        void agrees(Line values, List<Violation> violations) {
            String lineCategory = values.text("category");
            if (lineCategory != null && category != null && !lineCategory.equals(category)) {
                violations.add(Violation.at(values.line, "category", lineCategory,
                        "sector has category " + category + " on line " + firstLine));
            }
            String lineName = values.text("sector_name");
            if (lineName != null && name != null && !lineName.equals(name)) {
                violations.add(Violation.at(values.line, "sector_name", lineName,
                        "sector is named " + name + " on line " + firstLine));
            }
        }
    }

    /** The values of one line, with parse errors recorded as violations (and read as absent). */
    private record Line(CSVRecord record, List<String> header, int line, List<Violation> violations) {

        String text(String column) {
            for (String name : header) {
                if (name.equalsIgnoreCase(column) && record.isSet(name)) {
                    String value = record.get(name);
                    return value == null || value.isEmpty() ? null : value;
                }
            }
            return null;
        }

        Integer integer(String column) {
            String value = text(column);
            try {
                return value == null ? null : Integer.valueOf(value);
            } catch (NumberFormatException e) {
                violations.add(Violation.at(line, column, value, "must be a whole number"));
                return null;
            }
        }

        Double decimal(String column) {
            String value = text(column);
            try {
                return value == null ? null : Double.valueOf(value);
            } catch (NumberFormatException e) {
                violations.add(Violation.at(line, column, value, "must be a number"));
                return null;
            }
        }

        Boolean bool(String column) {
            String value = text(column);
            if (value == null) {
                return null;
            }
            return switch (value.toLowerCase(Locale.ROOT)) {
                case "true", "yes", "1", "y" -> true;
                case "false", "no", "0", "n" -> false;
                default -> {
                    violations.add(Violation.at(line, column, value, "must be true or false"));
                    yield null;
                }
            };
        }
    }
}
