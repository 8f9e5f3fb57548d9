package com.stadium.quota.portal.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.stadium.quota.portal.importing.ImportClient.Decisions;
import com.stadium.quota.portal.importing.ImportClient.Duplicate;
import com.stadium.quota.portal.importing.ImportForms.UploadProblem;

class ImportFormsTest {

    @Test
    void aCsvFileUpTo1MiBIsSentAndAnythingElseIsRefusedWithItsReason() {
        assertThat(ImportForms.check("quotas.CSV", 1024 * 1024)).isEmpty();
        assertThat(ImportForms.check("export.txt", 10)).isEmpty();
        assertThat(ImportForms.check("quotas.csv", 1024 * 1024 + 1)).contains(UploadProblem.TOO_LARGE);
        assertThat(ImportForms.check("quotas.xlsx", 5000)).contains(UploadProblem.NOT_CSV);
        assertThat(ImportForms.check("", 0)).contains(UploadProblem.NO_FILE);
        assertThat(ImportForms.check(null, 0)).contains(UploadProblem.NO_FILE);
        assertThat(ImportForms.check("big.pdf", 5_000_000)).as("the name is said first").isEqualTo(
                Optional.of(UploadProblem.NOT_CSV));
    }

    @Test
    void skippedLinesAreLeftOutAndAnAcceptedRepeatAcceptsTheRest() {
        List<Duplicate> flags = List.of(new Duplicate(4, "SAME_AS_LINE", "m"), new Duplicate(6, "SAME_AS_QUOTA", "m"));

        ImportForms.Decided decided = ImportForms.decide(Map.of("line-4", List.of("skip"), "line-6",
                List.of("accept")), flags, List.of());
        assertThat(decided.complete()).isTrue();
        assertThat(decided.decisions()).isEqualTo(new Decisions(true, List.of(4)));

        assertThat(ImportForms.decide(Map.of("line-4", List.of("skip"), "line-6", List.of("skip")), flags, List.of())
                .decisions()).as("nothing accepted").isEqualTo(new Decisions(false, List.of(4, 6)));
        assertThat(ImportForms.decide(Map.of(), List.of(), List.of()).decisions())
                .isEqualTo(new Decisions(false, List.of()));
    }

    @Test
    void anUndecidedLineOrFileIsAskedAgainAndNothingIsSent() {
        List<Duplicate> flags = List.of(new Duplicate(4, "SAME_AS_LINE", "m"), new Duplicate(6, "SAME_AS_QUOTA", "m"));
        List<Duplicate> file = List.of(new Duplicate(null, "SAME_FILE", "m"));

        ImportForms.Decided decided = ImportForms.decide(Map.of("line-6", List.of("maybe")), flags, file);
        assertThat(decided.complete()).isFalse();
        assertThat(decided.undecidedLines()).containsExactly(4, 6);
        assertThat(decided.fileUndecided()).isTrue();

        ImportForms.Decided again = ImportForms.decide(Map.of("again", List.of("accept"), "line-4", List.of("skip"),
                "line-6", List.of("skip")), flags, file);
        assertThat(again.complete()).isTrue();
        assertThat(again.decisions()).as("the file accepted again").isEqualTo(new Decisions(true, List.of(4, 6)));
    }
}
