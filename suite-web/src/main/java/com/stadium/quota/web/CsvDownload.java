package com.stadium.quota.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes the CSV files the suite hands out (error reports, exports). Every value that a spreadsheet would run as a
 * formula ({@code =}, {@code +}, {@code -}, {@code @}, tab, carriage return first) is written with a leading
 * apostrophe, so opening a report never executes what someone typed into an upload (CSV injection).
 */
public final class CsvDownload {

    private static final String FORMULA_STARTS = "=+-@\t\r";

    private CsvDownload() {
    }

    /** The value as a spreadsheet shows it but never runs it. */
    public static String safe(String value) {
        if (value == null || value.isEmpty()) {
            return value == null ? "" : value;
        }
        return FORMULA_STARTS.indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }

    /** A UTF-8 CSV text (comma, CRLF) with a header line, every value neutralised. */
    public static String write(List<String> header, List<List<String>> rows) {
        StringBuilder out = new StringBuilder();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT)) {
            printer.printRecord(header.stream().map(CsvDownload::safe).toList());
            for (List<String> row : rows) {
                printer.printRecord(row.stream().map(CsvDownload::safe).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
