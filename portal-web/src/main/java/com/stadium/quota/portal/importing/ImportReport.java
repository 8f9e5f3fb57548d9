package com.stadium.quota.portal.importing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.stadium.quota.portal.importing.ImportClient.BlockingMatch;
import com.stadium.quota.portal.importing.ImportClient.CreatedQuota;
import com.stadium.quota.portal.importing.ImportClient.Duplicate;
import com.stadium.quota.portal.importing.ImportClient.ImportView;
import com.stadium.quota.portal.importing.ImportClient.PreviewLine;
import com.stadium.quota.portal.importing.ImportClient.Seat;
import com.stadium.quota.portal.importing.ImportClient.Violation;

/**
 * An import as its report page shows it: every problem by line, each valid line's seats grouped by sector and row,
 * the repeats to decide on, and the allocation's progress by line (a line is done when none of its quotas waits
 * for seats, failed when one of them could not be seated, with the match that blocked it).
 */
public record ImportReport(ImportView view) {

    /** quota-service's words for a match that blocks a group: "… (match 7 has 1 free)". */
    private static final Pattern BLOCKING = Pattern.compile("match (\\d+) has (\\d+) free");

    /** The seats of one sector and row, in the dry run's order. */
    public record SeatGroup(String sector, String row, List<String> seats) {

        public String seatList() {
            return String.join(", ", seats);
        }
    }

    /** A preview line with its seats grouped and the repeat flag on it, if any. */
    public record Row(PreviewLine line, List<SeatGroup> seatGroups, List<BlockingMatch> blocking, Duplicate flag) {

        public String outcome() {
            return line.seats() == null || line.seats().outcome() == null ? "UNKNOWN" : line.seats().outcome();
        }

        public String reason() {
            return line.seats() == null ? null : line.seats().reason();
        }
    }

    /** A line whose allocation failed, with the match that blocked it when quota-service's reason names one. */
    public record LineFailure(int line, String holderEmail, String reason, BlockingMatch blocking) {
    }

    /**
     * How far the allocation has come, by the file's lines and by quotas.
     *
     * @param lines lines that created quotas (the file's valid lines less the skipped ones)
     * @param linesDone lines none of whose quotas waits for seats any more, failed ones included
     */
    public record LiveProgress(int lines, int linesDone, int linesFailed, int quotas, int quotasAllocated,
            int quotasFailed, int seatsRequested, int seatsAllocated, boolean done, List<LineFailure> failures) {

        /** The progress bar's maximum; never 0, which a browser would draw as an indeterminate bar. */
        public int max() {
            return Math.max(1, lines);
        }

        public int value() {
            return lines == 0 && done ? 1 : linesDone;
        }
    }

    public String status() {
        return view.status();
    }

    /** Nothing more will change by itself: every quota is settled, or there is no confirmed import to follow. */
    public static boolean settled(ImportView view) {
        return !"CONFIRMED".equals(view.status()) || view.progress() == null || view.progress().done();
    }

    /** Only a file without errors may be confirmed, again after a refused confirm. */
    public boolean confirmable() {
        return "VALIDATED".equals(view.status()) || "FAILED".equals(view.status());
    }

    public boolean confirmed() {
        return "CONFIRMED".equals(view.status());
    }

    /** Confirmed, and no quota waits for seats any more: the report is final. */
    public boolean done() {
        return confirmed() && view.progress() != null && view.progress().done();
    }

    /** The wizard's step: 2 checking and deciding, 3 allocating, 4 the final report. */
    public int step() {
        return done() ? 4 : confirmed() ? 3 : 2;
    }

    /** Every problem of the file by line (the file's own line numbers), problems of no line first. */
    public List<Violation> errors() {
        return list(view.violations()).stream()
                .sorted(Comparator.comparing((Violation v) -> v.line() == null ? 0 : v.line())).toList();
    }

    /** Why the last confirm was refused, if it was. */
    public List<Violation> confirmFailure() {
        return list(view.confirmFailure());
    }

    public List<Row> rows() {
        Map<Integer, Duplicate> flags = new LinkedHashMap<>();
        lineFlags().forEach(d -> flags.put(d.line(), d));
        return list(view.preview()).stream().map(line -> new Row(line, groups(line), blocking(line),
                flags.get(line.line()))).toList();
    }

    /**
     * Repeats of a line: each needs a decision (create it anyway, or skip the line) before confirming. A line flagged
     * twice (repeating an earlier line and an active quota) is one decision, with both reasons.
     */
    public List<Duplicate> lineFlags() {
        Map<Integer, Duplicate> byLine = new LinkedHashMap<>();
        list(view.duplicates()).stream().filter(d -> d.line() != null).forEach(d -> byLine.merge(d.line(), d,
                (a, b) -> new Duplicate(a.line(), a.kind(), a.message() + "; " + b.message())));
        return List.copyOf(byLine.values());
    }

    /** The same file confirmed before: creating it again must be accepted. */
    public List<Duplicate> fileFlags() {
        return list(view.duplicates()).stream().filter(d -> d.line() == null).toList();
    }

    /** How many quotas a confirm would create: one per match of each valid line. */
    public int quotasToCreate() {
        return list(view.preview()).stream().mapToInt(l -> list(l.matchIds()).size()).sum();
    }

    public List<CreatedQuota> created() {
        return list(view.created());
    }

    /** A created quota's match by name, as the file's line named it. */
    public String matchName(CreatedQuota quota) {
        return matchName(quota.line(), quota.matchId());
    }

    private String matchName(int number, long matchId) {
        PreviewLine line = previewLine(number);
        if (line != null) {
            int at = list(line.matchIds()).indexOf(matchId);
            if (at >= 0 && at < list(line.matchNames()).size()) {
                return line.matchNames().get(at);
            }
        }
        return "#" + matchId;
    }

    public LiveProgress progress() {
        Map<Integer, List<CreatedQuota>> byLine = new LinkedHashMap<>();
        created().forEach(q -> byLine.computeIfAbsent(q.line(), l -> new ArrayList<>()).add(q));
        int linesDone = 0;
        List<LineFailure> failures = new ArrayList<>();
        for (Map.Entry<Integer, List<CreatedQuota>> line : byLine.entrySet()) {
            if (line.getValue().stream().noneMatch(q -> "PENDING_ALLOCATION".equals(q.state()))) {
                linesDone++;
            }
            line.getValue().stream().filter(q -> "ALLOCATION_FAILED".equals(q.state())).findFirst()
                    .ifPresent(q -> failures.add(failure(q)));
        }
        int allocated = count("ALLOCATED") + count("PARTIALLY_ALLOCATED");
        return new LiveProgress(byLine.size(), linesDone, failures.size(), created().size(), allocated,
                count("ALLOCATION_FAILED"), created().stream().mapToInt(CreatedQuota::quantity).sum(),
                created().stream().mapToInt(CreatedQuota::seatsAllocated).sum(), done(), failures);
    }

    private LineFailure failure(CreatedQuota quota) {
        String reason = quota.failureReason();
        Matcher m = BLOCKING.matcher(reason == null ? "" : reason);
        BlockingMatch blocking = null;
        if (m.find()) {
            long matchId = Long.parseLong(m.group(1));
            blocking = new BlockingMatch(matchId, matchName(quota.line(), matchId), Integer.parseInt(m.group(2)));
        }
        return new LineFailure(quota.line(), quota.holderEmail(), reason, blocking);
    }

    private int count(String state) {
        return (int) created().stream().filter(q -> state.equals(q.state())).count();
    }

    private PreviewLine previewLine(int number) {
        return list(view.preview()).stream().filter(l -> l.line() == number).findFirst().orElse(null);
    }

    static List<SeatGroup> groups(PreviewLine line) {
        Map<String, SeatGroup> groups = new LinkedHashMap<>();
        List<Seat> seats = line.seats() == null ? List.of() : list(line.seats().seats());
        for (Seat seat : seats) {
            groups.computeIfAbsent(seat.sector() + "\u0000" + seat.row(),
                    k -> new SeatGroup(seat.sector(), seat.row(), new ArrayList<>())).seats().add(seat.seat());
        }
        return List.copyOf(groups.values());
    }

    private static List<BlockingMatch> blocking(PreviewLine line) {
        return line.seats() == null ? List.of() : list(line.seats().blockingMatches());
    }

    private static <T> List<T> list(List<T> values) {
        return values == null ? List.of() : values.stream().filter(Objects::nonNull).toList();
    }
}
