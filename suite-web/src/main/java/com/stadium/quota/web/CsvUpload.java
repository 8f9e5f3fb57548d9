package com.stadium.quota.web;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;

/**
 * Reads an uploaded CSV file the way every upload of the suite is read: UTF-8 with or without BOM, a header line
 * naming the columns in any order (case-insensitive), comma or semicolon, quoted values with delimiters and line
 * breaks inside, blank lines skipped; a first line {@code sep=;} (or {@code sep=,}), as Excel writes it, names the
 * delimiter and the header follows it. Line numbers are the rows a spreadsheet shows the file in: the header is row 1
 * (Excel reads a {@code sep=} line as a setting and shows no row for it), a blank line is an empty row, and a value
 * with line breaks inside quotes stays in one row. What makes the whole file unreadable is an {@link InvalidInput}.
 */
public final class CsvUpload {

    private CsvUpload() {
    }

    /** The data lines of a file, with the columns the header named (lower case, known names only). */
    public record Table(List<String> columns, List<Row> rows) {
    }

    /**
     * One data line.
     *
     * @param line the spreadsheet row the line is shown in (1 is the header)
     * @param values by column; an empty value is absent
     * @param extraValues values beyond the header's columns (0 on a well-formed line)
     */
    public record Row(int line, Map<String, String> values, int extraValues) {

        public String text(String column) {
            return values.get(column);
        }

        /** The value as a whole number; a value that is not one is recorded as a violation and read as absent. */
        public Integer integer(String column, List<Violation> violations) {
            return number(column, Integer::valueOf, "must be a whole number", violations);
        }

        /** The value as a decimal number; a value that is not one is recorded as a violation and read as absent. */
        public Double decimal(String column, List<Violation> violations) {
            return number(column, Double::valueOf, "must be a number", violations);
        }

        private <T> T number(String column, Function<String, T> parse, String reason, List<Violation> violations) {
            String value = text(column);
            try {
                return value == null ? null : parse.apply(value);
            } catch (NumberFormatException e) {
                violations.add(Violation.at(line, column, value, reason));
                return null;
            }
        }

        /** true/yes/y/1 or false/no/n/0; anything else is recorded as a violation and read as absent. */
        public Boolean bool(String column, List<Violation> violations) {
            String value = text(column);
            if (value == null) {
                return null;
            }
            return switch (value.toLowerCase(Locale.ROOT)) {
                case "true", "yes", "y", "1" -> true;
                case "false", "no", "n", "0" -> false;
                default -> {
                    violations.add(Violation.at(line, column, value, "must be true or false"));
                    yield null;
                }
            };
        }
    }

    /**
     * The bytes as text: refused when larger than {@code maxBytes}, empty, not UTF-8, or holding control characters
     * that no text file has (a spreadsheet saved as .xlsx, an image).
     */
    public static String text(byte[] bytes, int maxBytes) {
        if (bytes == null || bytes.length == 0) {
            throw InvalidInput.of("file", "the file is empty: it needs a header line and at least one data line");
        }
        if (bytes.length > maxBytes) {
            throw InvalidInput.of("file", "the file has " + bytes.length + " bytes; at most " + maxBytes
                    + " are accepted");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw InvalidInput.of("file", "the file is not UTF-8 text; save it as \"CSV UTF-8\"");
        }
        if (text.chars().anyMatch(c -> c < 0x20 && c != '\t' && c != '\n' && c != '\r')) {
            throw InvalidInput.of("file", "the file is not a text file (it holds binary data); upload a CSV file");
        }
        return text;
    }

    /**
     * The table of a CSV text. The header must name every required column, no unknown column and none twice
     * ({@code aliases} maps other accepted names, lower case, to their column).
     */
    public static Table read(String text, Collection<String> known, Collection<String> required,
            Map<String, String> aliases) {
        List<Row> rows = new ArrayList<>();
        List<String> columns = read(text, known, required, aliases, rows::add);
        return new Table(columns, rows);
    }

    /** Like {@link #read(String, Collection, Collection, Map)}, handing each data line on as it is read. */
    public static List<String> read(String text, Collection<String> known, Collection<String> required,
            Map<String, String> aliases, Consumer<Row> each) {
        String content = text == null ? "" : text.startsWith("\uFEFF") ? text.substring(1) : text;
        if (content.isBlank()) {
            throw InvalidInput.of("file", "the file is empty: it needs a header line and at least one data line");
        }
        String firstLine = content.lines().findFirst().orElse("");
        Character named = separatorNamedBy(firstLine);
        // the parser starts after a "sep=" line, which a spreadsheet shows no row for
        int[] fileLines = lineStarts(content);
        int skipped = named == null ? 0 : fileLines.length > 1 ? fileLines[1] : content.length();
        String table = content.substring(skipped);
        String header = table.lines().filter(line -> !line.isBlank()).findFirst().orElse("");
        char delimiter = named != null ? named : count(header, ';') > count(header, ',') ? ';' : ',';
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setIgnoreEmptyLines(true)
                .setTrim(true).setDuplicateHeaderMode(DuplicateHeaderMode.ALLOW_ALL).get();
        Rows rows = new Rows(table);
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(table)).setFormat(format).get()) {
            var records = parser.iterator();
            if (!records.hasNext()) {
                throw InvalidInput.of("file", "the file has no header line");
            }
            CSVRecord headerRecord = records.next();
            List<String> columns = columns(headerRecord, rows.of(headerRecord), known, required, aliases);
            while (records.hasNext()) {
                CSVRecord record = records.next();
                int row = rows.of(record);
                Map<String, String> values = new LinkedHashMap<>();
                for (int i = 0; i < columns.size() && i < record.size(); i++) {
                    if (!record.get(i).isEmpty()) {
                        values.put(columns.get(i), record.get(i));
                    }
                }
                int extra = Math.max(0, record.size() - columns.size());
                if (!values.isEmpty() || record.stream().anyMatch(v -> !v.isEmpty())) {
                    each.accept(new Row(row, values, extra));
                }
            }
            return columns;
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            // Commons CSV's words for a broken file: an unterminated quote, text after a closing quote, ...
            throw InvalidInput.of("file", "not a readable CSV file: " + e.getMessage());
        }
    }

    /**
     * The delimiter a first line such as {@code sep=;} names (Excel writes it and reads it; it is not the header), or
     * null when the first line is not one. Comma, semicolon, tab and bar are accepted; another character is refused.
     */
    static Character separatorNamedBy(String firstLine) {
        String line = firstLine.length() >= 2 && firstLine.startsWith("\"") && firstLine.endsWith("\"")
                ? firstLine.substring(1, firstLine.length() - 1) : firstLine;
        if (!line.regionMatches(true, 0, "sep=", 0, 4)) {
            return null;
        }
        String separator = line.substring(4).replaceAll(" +$", "");
        if (separator.length() == 1 && ",;\t|".indexOf(separator.charAt(0)) >= 0) {
            return separator.charAt(0);
        }
        throw new InvalidInput(List.of(Violation.at(1, "sep", firstLine,
                "the first line names the delimiter; it must be sep=; or sep=, (also a tab or |)")));
    }

    private static List<String> columns(CSVRecord header, int line, Collection<String> known,
            Collection<String> required, Map<String, String> aliases) {
        List<Violation> violations = new ArrayList<>();
        List<String> columns = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String raw : header) {
            String name = raw.toLowerCase(Locale.ROOT);
            String column = aliases.getOrDefault(name, name);
            columns.add(column);
            if (name.isEmpty()) {
                violations.add(Violation.at(line, "", raw, "a column has no name"));
            } else if (!known.contains(column)) {
                violations.add(Violation.at(line, name, raw, "unknown column; the columns are " + known));
            } else if (!seen.add(column)) {
                violations.add(Violation.at(line, column, raw, "column appears twice"));
            }
        }
        for (String column : required) {
            if (!seen.contains(column)) {
                violations.add(Violation.at(line, column, null, "required column is missing"));
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidInput(violations);
        }
        return columns;
    }

    private static int[] lineStarts(String text) {
        List<Integer> starts = new ArrayList<>(List.of(0));
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n')) {
                starts.add(i + 1);
            }
        }
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * The spreadsheet rows of a table's records, read in order: a record's row is the line it starts on, less the
     * extra lines every earlier record spread over (line breaks inside quotes). Commons CSV places a record at the
     * end of the one before, so its start is found after the blank lines there, and the earlier record ends before.
     */
    private static final class Rows {
        private final String table;
        private final int[] lineStarts;
        private int extraLines;
        private int previousLine;

        Rows(String table) {
            this.table = table;
            this.lineStarts = lineStarts(table);
        }

        int of(CSVRecord record) {
            int end = (int) record.getCharacterPosition();
            if (previousLine > 0) {
                extraLines += lineOf(Math.max(0, end - 1), lineStarts) - previousLine;
            }
            int position = end;
            while (position < table.length() && (table.charAt(position) == '\n' || table.charAt(position) == '\r')) {
                position++;
            }
            previousLine = lineOf(position, lineStarts);
            return previousLine - extraLines;
        }
    }

    private static int lineOf(long position, int[] lineStarts) {
        int found = Arrays.binarySearch(lineStarts, (int) position);
        return (found >= 0 ? found : -found - 2) + 1;
    }

    private static long count(String text, char c) {
        return text.chars().filter(ch -> ch == c).count();
    }
}
