package com.stadium.quota.quotaservice.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.stadium.quota.web.CsvUpload;
import com.stadium.quota.web.Violation;

/** Import files as spreadsheets write them, read the way the importer reads them (no service needed). */
class ImportFormatTest {

    static final String HEADER = "holder_email;holder_name;matches;sectors;quantity;algorithm";

    /** The file's lines as the importer reads them; any violation fails the test. */
    private static List<ImportFormat.Line> lines(String file) {
        List<Violation> violations = new ArrayList<>();
        List<ImportFormat.Line> lines = CsvUpload.read(file, ImportFormat.COLUMNS, ImportFormat.REQUIRED,
                ImportFormat.ALIASES).rows().stream().map(row -> ImportFormat.read(row, violations)).toList();
        assertThat(violations).isEmpty();
        return lines;
    }

    @Test
    void excelsSepLineNamesTheDelimiterIsNoDataAndIsNoRow() {
        List<ImportFormat.Line> lines = lines("sep=;\r\n" + HEADER + "\r\n"
                + "vip@sponsor.example;Ada Sponsor;\"1;2\";\"W3;W2\";4;nm\r\n"
                + "press@media.example;\"Press; Desk\";3;E1;2;REDOM\r\n");

        assertThat(lines).extracting(ImportFormat.Line::number).as("Excel shows the header as row 1")
                .containsExactly(2, 3);
        assertThat(lines.get(0).quota().matchIds()).containsExactly(1L, 2L);
        assertThat(lines.get(0).quota().sectors()).containsExactly("W3", "W2");
        assertThat(lines.get(0).quota().algorithm()).isEqualTo("NM");
        assertThat(lines.get(1).quota().holderName()).isEqualTo("Press; Desk");
    }

    @Test
    void aSepCommaLineKeepsSemicolonsInsideValuesAndWinsOverTheHeadersLook() {
        List<ImportFormat.Line> lines = lines("sep=,\n" + "holder_email,holder_name,match,sectors,quantity,"
                + "algorithm\nguest@sponsor.example,Guest; Box 3,3,E1;E2,3,NM\n");

        assertThat(lines).singleElement().satisfies(line -> {
            assertThat(line.number()).isEqualTo(2);
            assertThat(line.quota().holderName()).isEqualTo("Guest; Box 3");
            assertThat(line.quota().sectors()).as("lists keep their own ;").containsExactly("E1", "E2");
            assertThat(line.quota().matchIds()).as("the alias match").containsExactly(3L);
        });
    }

    @Test
    void aSemicolonFileWithoutASepLineIsReadByItsHeader() {
        List<ImportFormat.Line> lines = lines(HEADER + "\n" + "vip@sponsor.example;\"Sponsor, Ltd\";1;W1;2;NM\n"
                + "\n" + "box@sponsor.example;Box;\"1;3\";W2;1;NM\n");

        assertThat(lines).extracting(ImportFormat.Line::number).as("a blank line is an empty row")
                .containsExactly(2, 4);
        assertThat(lines.get(0).quota().holderName()).isEqualTo("Sponsor, Ltd");
        assertThat(lines.get(1).quota().matchIds()).containsExactly(1L, 3L);
    }

    @Test
    void aBomPrefixedFileAsExcelSavesCsvUtf8ReadsItsFirstColumn() {
        List<ImportFormat.Line> semicolon = lines("\uFEFF" + HEADER + "\r\nvip@sponsor.example;Ada;1;W1;2;NM\r\n");
        List<ImportFormat.Line> comma = lines("\uFEFFholder_email,holder_name,matches,sectors,quantity,algorithm\n"
                + "vip@sponsor.example,\"Ada\nLovelace\",1,W1,2,NM\nbox@sponsor.example,Box,2,W2,1,NM\n");
        List<ImportFormat.Line> bomAndSep = lines("\uFEFFsep=;\n" + HEADER + "\nvip@sponsor.example;Ada;1;W1;2;NM\n");

        assertThat(semicolon.get(0).quota().holderEmail()).isEqualTo("vip@sponsor.example");
        assertThat(comma).extracting(ImportFormat.Line::number).as("a quoted line break stays in its row")
                .containsExactly(2, 3);
        assertThat(comma.get(0).quota().holderName()).isEqualTo("Ada\nLovelace");
        assertThat(bomAndSep).singleElement().satisfies(line -> {
            assertThat(line.number()).isEqualTo(2);
            assertThat(line.quota().holderEmail()).isEqualTo("vip@sponsor.example");
        });
    }

    @Test
    void anOptionalLocaleColumnGivesTheHoldersLanguageAndARuleRefusalNamesItsColumn() {
        List<ImportFormat.Line> lines = lines(HEADER + ";locale\n" + "vip@sponsor.example;Ada;1;W1;2;NM;de\n"
                + "box@sponsor.example;Box;1;W2;1;NM;\n");

        assertThat(lines).extracting(line -> line.quota().locale()).containsExactly("de", null);
        Violation refused = ImportFormat.atLine(new Violation("locale", "is not a language tag such as en, de or "
                + "fr-CH", null, "Deutsch"), lines.get(0).row());
        assertThat(refused.field()).isEqualTo("locale");
        assertThat(refused.value()).isEqualTo("Deutsch");
    }

    @Test
    void theTemplateShowsTheLocaleColumnAndReadsBackWithoutViolations() {
        List<ImportFormat.Line> lines = lines(ImportFormat.template(java.time.LocalDate.of(2099, 1, 31)));
        assertThat(lines).extracting(line -> line.quota().locale()).containsExactly("en", "de", null);
    }
}
