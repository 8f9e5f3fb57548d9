package com.stadium.quota.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class CsvDownloadTest {

    @Test
    void neutralisesEveryValueASpreadsheetWouldRunAsAFormula() {
        assertThat(List.of("=1+1", "+49 30", "-2", "@SUM(A1)", "\tx", "\rx").stream().map(CsvDownload::safe))
                .containsExactly("'=1+1", "'+49 30", "'-2", "'@SUM(A1)", "'\tx", "'\rx");
    }

    @Test
    void leavesOrdinaryValuesAsTheyAre() {
        assertThat(List.of("Ada", "4", "a=b", "", "W1;W2").stream().map(CsvDownload::safe))
                .containsExactly("Ada", "4", "a=b", "", "W1;W2");
    }

    @Test
    void writesAHeaderAndQuotedRows() {
        assertThat(CsvDownload.write(List.of("line", "reason"), List.of(List.of("2", "=cmd|' /C calc'!A0"),
                List.of("3", "a, b")))).isEqualTo("line,reason\r\n2,'=cmd|' /C calc'!A0\r\n3,\"a, b\"\r\n");
    }
}
