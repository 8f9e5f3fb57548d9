package com.stadium.quota.portal.importing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.stadium.quota.portal.importing.ImportClient.Decisions;
import com.stadium.quota.portal.importing.ImportClient.Duplicate;

/** What the import pages' forms sent, read before anything reaches quota-service. */
public final class ImportForms {

    /** quota-service takes files up to this size (ImportRules.MAX_BYTES); a larger one is not even sent. */
    public static final long MAX_BYTES = 1024 * 1024;

    /** Why a chosen file is not sent: none chosen, over 1 MiB, or not named as a CSV file. */
    public enum UploadProblem {
        NO_FILE, TOO_LARGE, NOT_CSV
    }

    /** The admin's decisions on the flagged repeats, or the flags still undecided. */
    public record Decided(Decisions decisions, List<Integer> undecidedLines, boolean fileUndecided) {

        public boolean complete() {
            return undecidedLines.isEmpty() && !fileUndecided;
        }
    }

    private ImportForms() {
    }

    /**
     * A file's problem by its name and size; the contents (UTF-8 text, columns, values) are quota-service's to judge.
     * Spreadsheets save CSV as .csv; .txt is what some exports call it.
     */
    public static Optional<UploadProblem> check(String fileName, long size) {
        String name = fileName == null ? "" : fileName.trim().toLowerCase(Locale.ROOT);
        if (name.isEmpty() && size <= 0) {
            return Optional.of(UploadProblem.NO_FILE);
        }
        if (!name.endsWith(".csv") && !name.endsWith(".txt")) {
            return Optional.of(UploadProblem.NOT_CSV);
        }
        if (size > MAX_BYTES) {
            return Optional.of(UploadProblem.TOO_LARGE);
        }
        return Optional.empty();
    }

    /** The form's field for a flagged line: "accept" (create it anyway) or "skip". */
    public static String lineField(int line) {
        return "line-" + line;
    }

    /**
     * The decisions the form carries: every flagged line must be accepted or skipped, a file imported before must be
     * accepted again. quota-service takes "accept" as one switch for every repeat that is not skipped.
     */
    public static Decided decide(Map<String, List<String>> form, List<Duplicate> lineFlags,
            List<Duplicate> fileFlags) {
        List<Integer> skip = new ArrayList<>();
        List<Integer> undecided = new ArrayList<>();
        boolean accept = false;
        for (Duplicate flag : lineFlags) {
            String choice = first(form, lineField(flag.line()));
            if ("skip".equals(choice)) {
                if (!skip.contains(flag.line())) {
                    skip.add(flag.line());
                }
            } else if ("accept".equals(choice)) {
                accept = true;
            } else if (!undecided.contains(flag.line())) {
                undecided.add(flag.line());
            }
        }
        boolean fileUndecided = !fileFlags.isEmpty() && !"accept".equals(first(form, "again"));
        accept |= !fileFlags.isEmpty() && !fileUndecided;
        undecided.removeAll(skip);
        return new Decided(new Decisions(accept, skip), undecided, fileUndecided);
    }

    private static String first(Map<String, List<String>> form, String field) {
        List<String> values = form.get(field);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
