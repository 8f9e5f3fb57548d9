package com.stadium.quota.quotaservice.importing;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.stadium.quota.quotaservice.allocation.AllocationPreviewClient;
import com.stadium.quota.quotaservice.allocation.MatchCatalog;
import com.stadium.quota.quotaservice.allocation.SeatPreview;
import com.stadium.quota.quotaservice.importing.ImportRules.Duplicate;
import com.stadium.quota.quotaservice.importing.ImportRules.DuplicateKind;
import com.stadium.quota.quotaservice.quota.MatchInfo;
import com.stadium.quota.quotaservice.quota.Quota;
import com.stadium.quota.quotaservice.quota.QuotaCreation;
import com.stadium.quota.quotaservice.quota.QuotaRules;
import com.stadium.quota.web.CsvUpload;
import com.stadium.quota.web.InvalidInput;
import com.stadium.quota.web.Violation;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.narayana.jta.QuarkusTransactionException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.ws.rs.NotFoundException;

/**
 * Runs an import's two steps. Upload reads and checks every line and stores the file with its report, creating
 * nothing. Confirm checks the stored file again (seats may have gone meanwhile) and creates every line's quotas
 * in one transaction, or none.
 */
@ApplicationScoped
public class Importer {

    @Inject
    QuotaCreation creation;

    @Inject
    MatchCatalog catalog;

    @Inject
    SeatPreview seatPreview;

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    /** What a line would create. */
    public record PreviewLine(int line, String holderEmail, String holderName, List<Long> matchIds,
            List<String> matchNames, List<String> sectors, int quantity, int discountPercent, String algorithm,
            LocalDate expiresOn, boolean delegate, boolean transferable, boolean allowPartial, LineSeats seats) {

        PreviewLine withSeats(LineSeats found) {
            return new PreviewLine(line, holderEmail, holderName, matchIds, matchNames, sectors, quantity,
                    discountPercent, algorithm, expiresOn, delegate, transferable, allowPartial, found);
        }
    }

    /**
     * The seats a line would take at upload, by allocation-service's dry run of the whole file in order (so two lines
     * never show the same seat); allocation-service decides at confirm.
     *
     * @param outcome ALLOCATED, PARTIALLY_ALLOCATED, FAILED, REJECTED, or UNKNOWN when allocation-service did not
     *        answer
     * @param seats the same seats at every match of the line
     * @param blockingMatches for a multi-match line that fails, the matches with fewer free seats than asked
     */
    public record LineSeats(String outcome, List<Seat> seats, List<BlockingMatch> blockingMatches, String reason) {

        static final LineSeats UNKNOWN = new LineSeats("UNKNOWN", List.of(), List.of(),
                "allocation-service did not answer; the seats are known once the quotas are allocated");
    }

    public record Seat(String sector, String row, String seat) {
    }

    public record BlockingMatch(long matchId, String matchName, int freeSeats) {
    }

    /** The verdict on a file: every violation by line and column, the repeats to decide on, the preview. */
    public record Validation(List<Violation> violations, List<Duplicate> duplicates, List<PreviewLine> preview) {
    }

    /** The admin's answer to flagged repeats: create them anyway, or leave some lines out. */
    public record Decisions(Boolean acceptDuplicates, List<Integer> skipLines) {

        boolean skips(Integer line) {
            return line != null && skipLines != null && skipLines.contains(line);
        }
    }

    private record Checked(Validation validation, List<ImportFormat.Line> valid, int lines) {
    }

    /** Checks and stores an uploaded file; a file that cannot be read as an import at all is refused. */
    public QuotaImport upload(byte[] bytes, String fileName, String actor) {
        String text = CsvUpload.text(bytes, ImportRules.MAX_BYTES);
        String hash = sha256(bytes);
        Checked checked = check(text);
        List<Duplicate> duplicates = new ArrayList<>(sameFile(hash, null));
        duplicates.addAll(checked.validation().duplicates());
        Validation validation = new Validation(checked.validation().violations(), duplicates,
                withSeats(checked.validation().preview(), checked.valid()));
        return inNewTransaction(() -> {
            QuotaImport upload = new QuotaImport();
            upload.id = UUID.randomUUID();
            upload.fileName = fileName == null || fileName.isBlank() ? "import.csv" : fileName.trim();
            upload.contentHash = hash;
            upload.content = text;
            upload.lineCount = checked.lines();
            upload.status = validation.violations().isEmpty() ? QuotaImport.Status.VALIDATED
                    : QuotaImport.Status.INVALID;
            upload.report = write(validation);
            upload.uploadedBy = actor;
            upload.uploadedAt = clock.instant();
            upload.persist();
            return upload;
        });
    }

    /**
     * Creates every line's quotas at once. Refused (409, nothing created) when the import was confirmed already
     * or cannot be, when a line breaks a rule now, or when a flagged repeat was not decided on; a refusal that
     * names lines is kept in the import's report.
     */
    public QuotaImport confirm(UUID id, Decisions decisions, String actor) {
        Decisions answer = decisions == null ? new Decisions(false, List.of()) : decisions;
        try {
            return inNewTransaction(() -> confirmNow(id, answer, actor));
        } catch (InvalidInput e) {
            if (e.violations().stream().anyMatch(v -> v.line() != null)) {
                inNewTransaction(() -> {
                    QuotaImport upload = QuotaImport.findById(id);
                    upload.status = QuotaImport.Status.FAILED;
                    upload.failure = write(e.violations());
                    return upload;
                });
            }
            throw e;
        }
    }

    private QuotaImport confirmNow(UUID id, Decisions decisions, String actor) {
        QuotaImport upload = QuotaImport.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (upload == null) {
            throw new NotFoundException("no import " + id);
        }
        if (upload.status == QuotaImport.Status.CONFIRMED) {
            throw InvalidInput.conflict("status", "the import was confirmed on " + upload.confirmedAt + " by "
                    + upload.confirmedBy + "; nothing was created again");
        }
        if (upload.status == QuotaImport.Status.INVALID) {
            throw InvalidInput.conflict("status", "the file has errors (see the report): correct them and upload it"
                    + " again");
        }
        Checked checked = check(upload.content);
        List<Violation> refused = new ArrayList<>(checked.validation().violations().stream()
                .filter(v -> !decisions.skips(v.line())).toList());
        List<Duplicate> duplicates = new ArrayList<>(sameFile(upload.contentHash, upload.id));
        duplicates.addAll(checked.validation().duplicates());
        if (!Boolean.TRUE.equals(decisions.acceptDuplicates())) {
            duplicates.stream().filter(d -> !decisions.skips(d.line())).forEach(d -> refused.add(new Violation(
                    d.line() == null ? "file" : "line", d.message()
                            + "; confirm with acceptDuplicates, or leave the line out with skipLines",
                    d.line(), null)));
        }
        List<ImportFormat.Line> wanted = checked.valid().stream().filter(l -> !decisions.skips(l.number())).toList();
        if (refused.isEmpty() && wanted.isEmpty()) {
            refused.add(Violation.of("skipLines", "every line is left out: nothing to create"));
        }
        if (!refused.isEmpty()) {
            throw InvalidInput.conflict(refused);
        }
        for (ImportFormat.Line line : wanted) {
            try {
                for (Quota quota : creation.create(line.quota(), actor)) {
                    ImportedQuota imported = new ImportedQuota();
                    imported.quotaId = quota.id;
                    imported.importId = upload.id;
                    imported.line = line.number();
                    imported.persist();
                }
            } catch (InvalidInput e) {
                throw InvalidInput.conflict(e.violations().stream().map(v -> ImportFormat.atLine(v, line.row()))
                        .toList());
            }
        }
        upload.status = QuotaImport.Status.CONFIRMED;
        upload.confirmedBy = actor;
        upload.confirmedAt = clock.instant();
        upload.failure = null;
        return upload;
    }

    /** Reads and checks a file; stores nothing. */
    private Checked check(String text) {
        CsvUpload.Table table = CsvUpload.read(text, ImportFormat.COLUMNS, ImportFormat.REQUIRED,
                ImportFormat.ALIASES);
        ImportRules.lineCount(table.rows().size());
        List<ImportFormat.Line> lines = new ArrayList<>();
        List<List<Violation>> formats = new ArrayList<>();
        Set<Long> matchIds = new LinkedHashSet<>();
        for (CsvUpload.Row row : table.rows()) {
            List<Violation> format = new ArrayList<>();
            ImportFormat.Line line = ImportFormat.read(row, format);
            lines.add(line);
            formats.add(format);
            matchIds.addAll(line.quota().matchIds());
        }
        Map<Long, MatchInfo> matches = catalog.lookup(matchIds);
        Map<Long, Map<String, Integer>> free = new HashMap<>();
        matches.keySet().forEach(match -> free.put(match, catalog.freeSeats(match)));
        List<Violation> violations = new ArrayList<>();
        List<ImportFormat.Line> valid = new ArrayList<>();
        List<PreviewLine> preview = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            ImportFormat.Line line = lines.get(i);
            List<Violation> found = ImportRules.merge(formats.get(i), creation.check(line.quota()).stream()
                    .map(v -> ImportFormat.atLine(v, line.row())).toList());
            if (found.isEmpty()) {
                found = ImportRules.seats(line, matches, free);
            }
            violations.addAll(found);
            if (found.isEmpty()) {
                valid.add(line);
                preview.add(preview(line, matches));
            }
        }
        List<String> emails = valid.stream().map(l -> QuotaRules.normalEmail(l.quota().holderEmail())).distinct()
                .toList();
        List<Quota> existing = emails.isEmpty() ? List.of() : Quota.list("holderEmail in ?1", emails);
        return new Checked(new Validation(violations, ImportRules.repeats(valid, existing), preview), valid,
                lines.size());
    }

    /** Each valid line with the seats it would take now: one dry run for the whole file. */
    private List<PreviewLine> withSeats(List<PreviewLine> preview, List<ImportFormat.Line> valid) {
        List<AllocationPreviewClient.Line> answers = seatPreview.preview(valid.stream().map(ImportFormat.Line::quota)
                .toList());
        List<PreviewLine> seated = new ArrayList<>();
        for (int i = 0; i < preview.size(); i++) {
            seated.add(preview.get(i).withSeats(seatsOf(preview.get(i), answers.get(i))));
        }
        return seated;
    }

    static LineSeats seatsOf(PreviewLine line, AllocationPreviewClient.Line answer) {
        if (answer == null) {
            return LineSeats.UNKNOWN;
        }
        List<Seat> seats = answer.matches() == null || answer.matches().isEmpty() ? List.of()
                : answer.matches().get(0).seats().stream().map(s -> new Seat(s.sector(), s.row(), s.seat())).toList();
        List<BlockingMatch> blocking = answer.freeByMatch() == null ? List.of() : answer.freeByMatch().stream()
                .filter(f -> f.freeSeats() < line.quantity())
                .map(f -> new BlockingMatch(f.matchId(), nameOf(line, f.matchId()), f.freeSeats())).toList();
        return new LineSeats(answer.outcome(), seats, blocking, answer.reason());
    }

    private static String nameOf(PreviewLine line, long matchId) {
        int at = line.matchIds().indexOf(matchId);
        return at < 0 ? null : line.matchNames().get(at);
    }

    private static PreviewLine preview(ImportFormat.Line line, Map<Long, MatchInfo> matches) {
        var q = line.quota();
        return new PreviewLine(line.number(), QuotaRules.normalEmail(q.holderEmail()), q.holderName().trim(),
                q.matchIds(), q.matchIds().stream().map(id -> matches.get(id).name()).toList(), q.sectors(),
                q.quantity(), q.discountPercent() == null ? 0 : q.discountPercent(), q.algorithm(), q.expiresOn(),
                Boolean.TRUE.equals(q.delegate()), Boolean.TRUE.equals(q.transferable()),
                Boolean.TRUE.equals(q.allowPartial()), null);
    }

    /** An earlier confirmed import of the same bytes. */
    private static List<Duplicate> sameFile(String hash, UUID self) {
        return QuotaImport.<QuotaImport>list("contentHash = ?1 and status = ?2 order by confirmedAt", hash,
                QuotaImport.Status.CONFIRMED).stream().filter(i -> !i.id.equals(self)).limit(1)
                .map(i -> new Duplicate(null, DuplicateKind.SAME_FILE, "the same file was imported on "
                        + i.confirmedAt + " by " + i.confirmedBy + " (import " + i.id + ")"))
                .toList();
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The stored validation of an import. */
    public Validation validation(QuotaImport upload) {
        return read(upload.report, Validation.class);
    }

    /** The violations of the last refused confirm, if any. */
    public List<Violation> failure(QuotaImport upload) {
        return upload.failure == null ? List.of() : List.of(read(upload.failure, Violation[].class));
    }

    private <T> T read(String text, Class<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs in a transaction of its own and hands back refusals as they were thrown. */
    private static <T> T inNewTransaction(Supplier<T> work) {
        try {
            return QuarkusTransaction.requiringNew().call(work::get);
        } catch (QuarkusTransactionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }
}
