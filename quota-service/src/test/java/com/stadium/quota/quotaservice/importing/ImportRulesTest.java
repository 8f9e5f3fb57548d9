package com.stadium.quota.quotaservice.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.stadium.quota.quotaservice.importing.ImportRules.Duplicate;
import com.stadium.quota.quotaservice.importing.ImportRules.DuplicateKind;
import com.stadium.quota.quotaservice.quota.CancellationScope;
import com.stadium.quota.quotaservice.quota.MatchInfo;
import com.stadium.quota.quotaservice.quota.NewQuota;
import com.stadium.quota.quotaservice.quota.Quota;
import com.stadium.quota.quotaservice.quota.QuotaState;
import com.stadium.quota.web.CsvUpload;
import com.stadium.quota.web.Violation;

class ImportRulesTest {

    private static ImportFormat.Line line(int number, String matches, String quantity, String allowPartial) {
        CsvUpload.Row row = new CsvUpload.Row(number, Map.of("holder_email", "Ada@Club.example", "holder_name",
                "Ada ", "matches", matches, "sectors", "W1;W2", "quantity", quantity, "algorithm", "nm",
                "allow_partial", allowPartial), 0);
        List<Violation> violations = new ArrayList<>();
        ImportFormat.Line line = ImportFormat.read(row, violations);
        assertThat(violations).isEmpty();
        return line;
    }

    @Test
    void acceptsExactlyFiftyDataLinesAndRefusesFiftyOneOrNone() {
        ImportRules.lineCount(50);
        assertThatThrownBy(() -> ImportRules.lineCount(51)).hasMessageContaining(
                "the file has 51 data lines; at most 50 quotas are imported at once");
        assertThatThrownBy(() -> ImportRules.lineCount(0)).hasMessageContaining("no data line");
    }

    @Test
    void flagsALineRepeatingAnEarlierLineAndAnActiveQuota() {
        Quota existing = quota(2, QuotaState.ALLOCATED);
        List<Duplicate> duplicates = ImportRules.repeats(List.of(line(2, "1", "4", "no"), line(3, "1", "4", "no"),
                line(4, "1;2", "4", "no")), List.of(existing));
        assertThat(duplicates).containsExactly(
                new Duplicate(3, DuplicateKind.SAME_AS_LINE, "repeats line 2 of this file"),
                new Duplicate(4, DuplicateKind.SAME_AS_QUOTA, "the same quota exists for match 2 (quota "
                        + existing.id + ", ALLOCATED)"));
    }

    @Test
    void aCancelledOrFailedQuotaIsNoDuplicate() {
        assertThat(ImportRules.repeats(List.of(line(2, "1", "4", "no")),
                List.of(quota(1, QuotaState.CANCELLED), quota(1, QuotaState.ALLOCATION_FAILED)))).isEmpty();
    }

    @Test
    void namesTheMatchThatBlocksAGroup() {
        Map<Long, MatchInfo> matches = Map.of(1L, match(1, "FC v Rivals"), 2L, match(2, "FC v Harbour"));
        Map<Long, Map<String, Integer>> free = Map.of(1L, Map.of("W1", 50, "W2", 50), 2L, Map.of("W1", 2, "W2", 1));
        assertThat(ImportRules.seats(line(5, "1;2", "4", "false"), matches, free)).containsExactly(Violation.at(5,
                "quantity", "4", "match 2 (FC v Harbour) has only 3 free seats in W1;W2: it blocks the group"));
    }

    @Test
    void aLineAllowingPartialAllocationTakesWhatIsFree() {
        assertThat(ImportRules.seats(line(5, "1", "4", "true"), Map.of(1L, match(1, "x")),
                Map.of(1L, Map.of("W1", 1)))).isEmpty();
    }

    @Test
    void dropsRuleViolationsOfAColumnThatCouldNotBeRead() {
        List<Violation> format = List.of(Violation.at(2, "matches", "x", "is not a match id (a whole number)"));
        List<Violation> rules = List.of(Violation.at(2, "matches", null, "at least one match is required"),
                Violation.at(2, "sectors", "Z", "unknown sector Z at ARENA"));
        assertThat(ImportRules.merge(format, rules)).containsExactly(format.get(0), rules.get(1));
    }

    /** Ada's quota of 4 seats in W1;W2 by NM, as {@link #line} asks for it, brought to the state by its transitions. */
    private static Quota quota(long matchId, QuotaState state) {
        Instant now = Instant.now();
        Quota quota = Quota.create(new NewQuota("ada@club.example", "Ada", List.of(matchId), List.of("W1", "W2"), 4,
                0, "NM", null, false, false, false, false, null), match(matchId, "M" + matchId), null,
                UUID.randomUUID(),
                "admin", now);
        switch (state) {
            case ALLOCATED -> quota.applyAllocation(new Quota.Allocation(Quota.Allocation.Outcome.ALLOCATED, 4, 4,
                    100, null, 1L, List.of()), now);
            case ALLOCATION_FAILED -> quota.applyAllocation(new Quota.Allocation(Quota.Allocation.Outcome.FAILED, 4,
                    0, 2, "too few", 1L, List.of()), now);
            case CANCELLED -> quota.cancel(CancellationScope.UNFULFILLED_ONLY, List.of(), Set.of(), now);
            default -> {
            }
        }
        assertThat(quota.state).isEqualTo(state);
        return quota;
    }

    private static MatchInfo match(long id, String name) {
        return new MatchInfo(id, name, Instant.now().plusSeconds(86_400), "ARENA", Map.of("W1", 100, "W2", 100));
    }
}
