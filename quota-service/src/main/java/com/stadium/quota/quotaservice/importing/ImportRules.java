package com.stadium.quota.quotaservice.importing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.stadium.quota.quotaservice.quota.MatchInfo;
import com.stadium.quota.quotaservice.quota.NewQuota;
import com.stadium.quota.quotaservice.quota.Quota;
import com.stadium.quota.quotaservice.quota.QuotaRules;
import com.stadium.quota.quotaservice.quota.QuotaState;
import com.stadium.quota.web.InvalidInput;
import com.stadium.quota.web.Violation;

/** What an import file must meet beyond each quota's own rules: its size, repeats, and the seats still free. */
public final class ImportRules {

    public static final int MAX_LINES = 50;
    public static final int MAX_BYTES = 1024 * 1024;
    /** Quotas that still hold or wait for seats; a repeat of a cancelled or failed one is no duplicate. */
    static final Set<QuotaState> ACTIVE = Set.of(QuotaState.PENDING_ALLOCATION, QuotaState.ALLOCATED,
            QuotaState.PARTIALLY_ALLOCATED);

    private ImportRules() {
    }

    /** Why a line may be meant once only: the same file again, the same line twice, a quota that exists. */
    public enum DuplicateKind {
        SAME_FILE, SAME_AS_LINE, SAME_AS_QUOTA
    }

    /** A repeat the admin decides on before confirming; {@code line} is null for the whole file. */
    public record Duplicate(Integer line, DuplicateKind kind, String message) {
    }

    /**
     * What makes two quotas the same: holder, match, seats asked and every term. The name is compared trimmed,
     * the email as stored.
     */
    record Identity(String email, String name, long matchId, String sectors, int quantity, int discount,
            String algorithm, LocalDate expiresOn, boolean delegate, boolean transferable, boolean allowPartial) {

        static List<Identity> of(NewQuota q) {
            return q.matchIds().stream().map(match -> new Identity(QuotaRules.normalEmail(q.holderEmail()),
                    q.holderName().trim(), match, String.join(";", q.sectors()), q.quantity(),
                    q.discountPercent() == null ? 0 : q.discountPercent(), q.algorithm(), q.expiresOn(),
                    Boolean.TRUE.equals(q.delegate()), Boolean.TRUE.equals(q.transferable()),
                    Boolean.TRUE.equals(q.allowPartial()))).toList();
        }

        static Identity of(Quota q) {
            return new Identity(q.holderEmail, q.holderName.trim(), q.matchId, q.sectors, q.quantity,
                    q.discountPercent, q.algorithm, q.expiresOn, q.mayDelegate, q.transferable, q.allowPartial);
        }
    }

    /** A file with no data line, or more than {@link #MAX_LINES}, is refused as a whole. */
    public static void lineCount(int dataLines) {
        if (dataLines == 0) {
            throw InvalidInput.of("file", "the file has a header but no data line");
        }
        if (dataLines > MAX_LINES) {
            throw InvalidInput.of("file", "the file has " + dataLines + " data lines; at most " + MAX_LINES
                    + " quotas are imported at once: split it into several files");
        }
    }

    /** Rule violations of a line, without those about a column whose value could not even be read. */
    public static List<Violation> merge(List<Violation> format, List<Violation> rules) {
        Set<String> unreadable = format.stream().map(v -> v.line() + "/" + v.field()).collect(Collectors.toSet());
        List<Violation> all = new ArrayList<>(format);
        rules.stream().filter(v -> !unreadable.contains(v.line() + "/" + v.field())).forEach(all::add);
        return all;
    }

    /**
     * Lines of valid quotas that repeat an earlier line of the file or an active quota ({@code existing}: the
     * active quotas of the file's holders).
     */
    public static List<Duplicate> repeats(List<ImportFormat.Line> valid, List<Quota> existing) {
        Map<Identity, Quota> active = new HashMap<>();
        existing.stream().filter(q -> q.parentId == null && ACTIVE.contains(q.state))
                .forEach(q -> active.putIfAbsent(Identity.of(q), q));
        Map<List<Identity>, Integer> firstLine = new HashMap<>();
        List<Duplicate> duplicates = new ArrayList<>();
        for (ImportFormat.Line line : valid) {
            List<Identity> identities = Identity.of(line.quota());
            Integer earlier = firstLine.putIfAbsent(identities, line.number());
            if (earlier != null) {
                duplicates.add(new Duplicate(line.number(), DuplicateKind.SAME_AS_LINE,
                        "repeats line " + earlier + " of this file"));
            }
            identities.stream().filter(active::containsKey).findFirst().ifPresent(same -> duplicates.add(
                    new Duplicate(line.number(), DuplicateKind.SAME_AS_QUOTA, "the same quota exists for match "
                            + same.matchId() + " (quota " + active.get(same).id + ", "
                            + active.get(same).state + ")")));
        }
        return duplicates;
    }

    /**
     * A line that asks for more seats than its sectors have free at one of its matches (at the time asked), named
     * by the match that blocks it. A line that allows partial allocation takes what is free. Seats free at each
     * match alone may still not be the same seats; allocation-service decides that and names the match if so.
     *
     * @param free free seats per match and sector
     */
    public static List<Violation> seats(ImportFormat.Line line, Map<Long, MatchInfo> matches,
            Map<Long, Map<String, Integer>> free) {
        NewQuota quota = line.quota();
        if (Boolean.TRUE.equals(quota.allowPartial())) {
            return List.of();
        }
        List<Violation> violations = new ArrayList<>();
        for (Long matchId : quota.matchIds()) {
            Map<String, Integer> sectors = free.getOrDefault(matchId, Map.of());
            int available = quota.sectors().stream().mapToInt(s -> sectors.getOrDefault(s, 0)).sum();
            if (available < quota.quantity()) {
                String name = matches.containsKey(matchId) ? " (" + matches.get(matchId).name() + ")" : "";
                violations.add(Violation.at(line.number(), ImportFormat.QUANTITY, quota.quantity().toString(),
                        "match " + matchId + name + " has only " + available + " free seats in "
                                + String.join(";", quota.sectors())
                                + (quota.matchIds().size() > 1 ? ": it blocks the group" : "")));
            }
        }
        return violations;
    }
}
