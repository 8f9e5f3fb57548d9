package com.stadium.quota.portal.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.stadium.quota.portal.importing.ImportClient.BlockingMatch;
import com.stadium.quota.portal.importing.ImportClient.CreatedQuota;
import com.stadium.quota.portal.importing.ImportClient.Duplicate;
import com.stadium.quota.portal.importing.ImportClient.ImportView;
import com.stadium.quota.portal.importing.ImportClient.LineSeats;
import com.stadium.quota.portal.importing.ImportClient.PreviewLine;
import com.stadium.quota.portal.importing.ImportClient.Progress;
import com.stadium.quota.portal.importing.ImportClient.Seat;
import com.stadium.quota.portal.importing.ImportClient.Violation;
import com.stadium.quota.portal.importing.ImportReport.SeatGroup;

class ImportReportTest {

    static PreviewLine line(int number, List<Long> matches, List<String> names, LineSeats seats) {
        return new PreviewLine(number, "h" + number + "@club.example", "Holder " + number, matches, names,
                List.of("NE"), 2, 0, "NM", null, false, false, false, seats);
    }

    static ImportView view(String status, Progress progress, List<PreviewLine> preview, List<Duplicate> duplicates,
            List<CreatedQuota> created, List<Violation> violations) {
        return new ImportView(UUID.randomUUID(), "quotas.csv", status, "admin", Instant.EPOCH, null, null, progress,
                violations, duplicates, preview, null, created);
    }

    static CreatedQuota created(int line, long match, String state, int quantity, int held, String reason) {
        return new CreatedQuota(line, UUID.randomUUID(), null, match, "h" + line + "@club.example", quantity, state,
                held, reason);
    }

    @Test
    void seatsAreGroupedBySectorAndRowInTheDryRunsOrder() {
        LineSeats seats = new LineSeats("ALLOCATED", List.of(new Seat("W1", "3", "7"), new Seat("W1", "3", "8"),
                new Seat("W1", "4", "7"), new Seat("W2", "3", "9")), List.of(), null);

        assertThat(ImportReport.groups(line(2, List.of(1L), List.of("A"), seats))).containsExactly(
                new SeatGroup("W1", "3", List.of("7", "8")), new SeatGroup("W1", "4", List.of("7")),
                new SeatGroup("W2", "3", List.of("9")));
        assertThat(ImportReport.groups(line(2, List.of(1L), List.of("A"), null))).isEmpty();
    }

    @Test
    void aMultiMatchLineThatWouldFailNamesItsBlockingMatchAndAnUnansweredLineIsUnknown() {
        BlockingMatch blocking = new BlockingMatch(3, "FC Example vs Athletic North", 1);
        ImportReport report = new ImportReport(view("VALIDATED", null, List.of(
                line(2, List.of(1L, 3L), List.of("A", "FC Example vs Athletic North"),
                        new LineSeats("FAILED", List.of(), List.of(blocking), "only 1 of 2 seats are free")),
                line(3, List.of(1L), List.of("A"), null)), List.of(), List.of(), List.of()));

        assertThat(report.rows().get(0).blocking()).containsExactly(blocking);
        assertThat(report.rows().get(0).outcome()).isEqualTo("FAILED");
        assertThat(report.rows().get(1).outcome()).isEqualTo("UNKNOWN");
        assertThat(report.quotasToCreate()).isEqualTo(3);
        assertThat(report.confirmable()).isTrue();
        assertThat(report.step()).isEqualTo(2);
    }

    @Test
    void errorsAreListedByLineWithProblemsOfNoLineFirstAndAnInvalidFileCannotBeConfirmed() {
        ImportReport report = new ImportReport(view("INVALID", null, List.of(), List.of(), List.of(), List.of(
                new Violation("quantity", "must be a whole number", 5, "two"),
                new Violation("holder_email", "is not an email address", 3, "x"),
                new Violation("file", "the same file twice", null, null))));

        assertThat(report.errors()).extracting(Violation::line).containsExactly(null, 3, 5);
        assertThat(report.confirmable()).isFalse();
    }

    @Test
    void aLineFlaggedTwiceIsOneDecisionWithBothReasonsAndTheFileFlagStandsApart() {
        ImportReport report = new ImportReport(view("VALIDATED", null, List.of(line(4, List.of(1L), List.of("A"),
                null)), List.of(new Duplicate(null, "SAME_FILE", "imported on Monday"),
                        new Duplicate(4, "SAME_AS_LINE", "line 4 repeats line 2"),
                        new Duplicate(4, "SAME_AS_QUOTA", "a quota like it exists")), List.of(), List.of()));

        assertThat(report.lineFlags()).containsExactly(
                new Duplicate(4, "SAME_AS_LINE", "line 4 repeats line 2; a quota like it exists"));
        assertThat(report.fileFlags()).extracting(Duplicate::kind).containsExactly("SAME_FILE");
        assertThat(report.rows().get(0).flag().line()).isEqualTo(4);
    }

    @Test
    void progressCountsLinesDoneAndFailedAndNamesTheMatchThatBlockedAFailedLine() {
        List<PreviewLine> preview = List.of(line(2, List.of(2L), List.of("B"), null),
                line(3, List.of(1L, 2L), List.of("A", "FC Example vs Rovers"), null),
                line(4, List.of(1L), List.of("A"), null));
        String reason = "only 1 of 2 seats are free in the chosen sectors (match 2 has 1 free)";
        ImportReport running = new ImportReport(view("CONFIRMED", new Progress(3, 3, 4, 1, 2, 0, 1, 8, 4, false),
                preview, List.of(), List.of(created(2, 2, "ALLOCATED", 2, 2, null),
                        created(3, 1, "ALLOCATION_FAILED", 2, 0, reason),
                        created(3, 2, "ALLOCATION_FAILED", 2, 0, reason),
                        created(4, 1, "PENDING_ALLOCATION", 2, 0, null)), List.of()));

        ImportReport.LiveProgress progress = running.progress();
        assertThat(progress.lines()).isEqualTo(3);
        assertThat(progress.linesDone()).isEqualTo(2);
        assertThat(progress.linesFailed()).isEqualTo(1);
        assertThat(progress.quotasAllocated()).isEqualTo(1);
        assertThat(progress.quotas()).isEqualTo(4);
        assertThat(progress.seatsRequested()).isEqualTo(8);
        assertThat(progress.seatsAllocated()).isEqualTo(2);
        assertThat(progress.done()).isFalse();
        assertThat(progress.failures()).singleElement().satisfies(f -> {
            assertThat(f.line()).isEqualTo(3);
            assertThat(f.blocking()).isEqualTo(new BlockingMatch(2, "FC Example vs Rovers", 1));
            assertThat(f.reason()).isEqualTo(reason);
        });
        assertThat(running.step()).isEqualTo(3);
        assertThat(ImportReport.settled(running.view())).isFalse();
    }

    @Test
    void aFinishedImportIsSettledAndItsBarIsFull() {
        ImportReport done = new ImportReport(view("CONFIRMED", new Progress(1, 1, 1, 0, 0, 1, 0, 2, 1, true),
                List.of(line(2, List.of(7L), List.of("G"), null)), List.of(),
                List.of(created(2, 7, "PARTIALLY_ALLOCATED", 2, 1, null)), List.of()));

        assertThat(done.progress().value()).isEqualTo(done.progress().max()).isEqualTo(1);
        assertThat(done.progress().quotasAllocated()).as("partly allocated counts as allocated").isEqualTo(1);
        assertThat(done.matchName(done.created().get(0))).isEqualTo("G");
        assertThat(done.step()).isEqualTo(4);
        assertThat(ImportReport.settled(done.view())).isTrue();
        assertThat(ImportReport.settled(view("VALIDATED", null, List.of(), List.of(), List.of(), List.of())))
                .as("nothing to follow before a confirm").isTrue();
    }
}
