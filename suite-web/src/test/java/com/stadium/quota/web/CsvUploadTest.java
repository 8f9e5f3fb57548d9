package com.stadium.quota.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class CsvUploadTest {

    static final List<String> KNOWN = List.of("name", "city", "count");
    static final List<String> REQUIRED = List.of("name");

    private static CsvUpload.Table read(String text) {
        return CsvUpload.read(CsvUpload.text(text.getBytes(StandardCharsets.UTF_8), 1000), KNOWN, REQUIRED,
                Map.of("town", "city"));
    }

    @Test
    void readsSemicolonsABomAndColumnsInAnyOrderWithAnAlias() {
        CsvUpload.Table table = read("\uFEFFTown;Name\r\nBerlin;Ada\r\n");
        assertThat(table.columns()).containsExactly("city", "name");
        assertThat(table.rows()).containsExactly(new CsvUpload.Row(2, Map.of("city", "Berlin", "name", "Ada"), 0));
    }

    @Test
    void numbersLinesAsASpreadsheetShowsThemAcrossQuotedLineBreaksAndBlankLines() {
        // rows: 1 header, 2 Ada (two lines of the file, one cell), 3 blank, 4 empty values, 5 Bob
        CsvUpload.Table table = read("name,city\n\"Ada\nLovelace\",\"London, UK\"\n\n,\nBob,Paris\n");
        assertThat(table.rows()).extracting(CsvUpload.Row::line).containsExactly(2, 5);
        assertThat(table.rows().get(0).text("name")).isEqualTo("Ada\nLovelace");
        assertThat(table.rows().get(0).text("city")).isEqualTo("London, UK");
    }

    @Test
    void refusesUnknownRepeatedAndMissingColumnsAllAtOnce() {
        assertThatThrownBy(() -> read("city,colour,City\nx,y,z\n")).isInstanceOfSatisfying(InvalidInput.class,
                e -> assertThat(e.violations()).containsExactly(
                        Violation.at(1, "colour", "colour", "unknown column; the columns are " + KNOWN),
                        Violation.at(1, "city", "City", "column appears twice"),
                        Violation.at(1, "name", null, "required column is missing")));
    }

    @Test
    void refusesBytesThatAreNotUtf8Text() {
        assertThatThrownBy(() -> CsvUpload.text(new byte[] {'n', 'a', (byte) 0xC3, '\n'}, 100))
                .hasMessageContaining("not UTF-8 text");
        assertThatThrownBy(() -> CsvUpload.text(new byte[] {'P', 'K', 3, 4, 0}, 100))
                .hasMessageContaining("not a text file");
    }

    @Test
    void refusesEmptyAndOversizedFiles() {
        assertThatThrownBy(() -> CsvUpload.text(new byte[0], 100)).hasMessageContaining("the file is empty");
        assertThatThrownBy(() -> read("\uFEFF \n")).hasMessageContaining("the file is empty");
        assertThatThrownBy(() -> CsvUpload.text(new byte[101], 100))
                .hasMessageContaining("the file has 101 bytes; at most 100 are accepted");
    }

    @Test
    void refusesAnUnterminatedQuoteAsAnUnreadableFile() {
        assertThatThrownBy(() -> read("name\n\"Ada\n")).isInstanceOfSatisfying(InvalidInput.class,
                e -> assertThat(e.violations().get(0).message()).startsWith("not a readable CSV file"));
    }

    @Test
    void blankLinesBeforeALineDoNotShiftItsNumber() {
        assertThat(read("name;city\nAda;x\n\nBob;Paris\n\n\nCy;z\n").rows()).extracting(CsvUpload.Row::line)
                .containsExactly(2, 4, 7);
        assertThat(read("name;city\r\n\r\nAda;x\r\n").rows()).extracting(CsvUpload.Row::line).containsExactly(3);
    }

    @Test
    void rowsAfterSeveralMultiLineValuesAndCrLfOrCrLineEndsAreTheSpreadsheetsRows() {
        assertThat(read("name;city\r\n\"A\r\nB\r\nC\";x\r\n\"D\nE\";y\r\n\r\nF;z\r\n").rows())
                .extracting(CsvUpload.Row::line).containsExactly(2, 3, 5);
        assertThat(read("\n\nname;city\rAda;\"x\ry\"\rBob;z").rows()).as("blank rows first, old Mac line ends")
                .extracting(CsvUpload.Row::line).containsExactly(4, 5);
    }

    @Test
    void countsValuesBeyondTheHeader() {
        assertThat(read("name\nAda,x,y\n").rows().get(0).extraValues()).isEqualTo(2);
    }

    @Test
    void aSepLineAsExcelWritesItNamesTheDelimiterAndIsNoRowAsInExcel() {
        CsvUpload.Table table = read("sep=;\r\nname;city\r\nAda;\"Berlin, DE\"\r\n\r\nBob;Paris\r\n");
        assertThat(table.columns()).containsExactly("name", "city");
        assertThat(table.rows()).containsExactly(new CsvUpload.Row(2, Map.of("name", "Ada", "city", "Berlin, DE"), 0),
                new CsvUpload.Row(4, Map.of("name", "Bob", "city", "Paris"), 0));
    }

    @Test
    void aSepLineWinsOverTheHeadersLookAndMayFollowABom() {
        // the header alone would look semicolon-separated; the sep line says comma
        CsvUpload.Table table = read("\uFEFF\"SEP=,\"\nname,city\nA;B,C\n");
        assertThat(table.rows()).containsExactly(new CsvUpload.Row(2, Map.of("name", "A;B", "city", "C"), 0));
        assertThat(read("sep=\t\nname\tcity\nAda\tRome\n").rows().get(0).text("city")).isEqualTo("Rome");
        assertThat(read("sep=;\rname;city\rAda;Rome\r").rows()).as("old Mac line ends")
                .containsExactly(new CsvUpload.Row(2, Map.of("name", "Ada", "city", "Rome"), 0));
    }

    @Test
    void aHeaderProblemAfterASepLineIsOnRowOneAndAnUnknownSeparatorIsRefused() {
        assertThatThrownBy(() -> read("sep=;\nname;colour\nx;y\n")).isInstanceOfSatisfying(InvalidInput.class,
                e -> assertThat(e.violations()).containsExactly(
                        Violation.at(1, "colour", "colour", "unknown column; the columns are " + KNOWN)));
        assertThatThrownBy(() -> read("sep=#\nname\nx\n")).isInstanceOfSatisfying(InvalidInput.class,
                e -> assertThat(e.violations().get(0).field()).isEqualTo("sep"));
        assertThatThrownBy(() -> read("sep=;\n")).hasMessageContaining("no header line");
    }
}
