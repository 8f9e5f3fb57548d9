package com.stadium.quota.quotaservice.importing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.stadium.quota.quotaservice.importing.ImportRules.Duplicate;
import com.stadium.quota.quotaservice.quota.Quota;
import com.stadium.quota.quotaservice.quota.QuotaState;
import com.stadium.quota.quotaservice.quota.TicketStatus;
import com.stadium.quota.web.CsvDownload;
import com.stadium.quota.web.Violation;

import io.quarkus.hibernate.orm.panache.common.ProjectedFieldName;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/** An import as the admins read it: its report, what it created and how far the allocation has come. */
@ApplicationScoped
public class ImportReports {

    @Inject
    Importer importer;

    @Inject
    EntityManager entityManager;

    /**
     * How far an import has come, for a progress bar.
     *
     * @param linesValidated every line is checked at upload, so this is the file's data lines once uploaded
     * @param quotasCreated one per match of each line, after the confirm
     * @param quotasAllocating still waiting for allocation-service
     * @param seatsAllocated seats held (tickets not cancelled) across the created quotas
     * @param done the confirm happened and no quota waits for seats any more
     */
    public record Progress(int lines, int linesValidated, int quotasCreated, int quotasAllocating,
            int quotasAllocated, int quotasPartiallyAllocated, int quotasFailed, int seatsRequested,
            int seatsAllocated, boolean done) {
    }

    /** A quota an import created, with where its allocation stands. */
    public record CreatedQuota(int line, UUID quotaId, UUID groupId, long matchId, String holderEmail, int quantity,
            QuotaState state, int seatsAllocated, String failureReason) {
    }

    /** Everything about one import: who, when, which file, the report, the quotas created, the failures. */
    public record ImportView(UUID id, String fileName, QuotaImport.Status status, String uploadedBy,
            Instant uploadedAt, String confirmedBy, Instant confirmedAt, Progress progress,
            List<Violation> violations, List<Duplicate> duplicates, List<Importer.PreviewLine> preview,
            List<Violation> confirmFailure, List<CreatedQuota> created) {
    }

    /** One import in a list; read as a projection, so a list never loads the files and reports. */
    public record ImportSummary(UUID id, String fileName, QuotaImport.Status status, String uploadedBy,
            Instant uploadedAt, @ProjectedFieldName("lineCount") int lines, String confirmedBy, Instant confirmedAt) {
    }

    public ImportView view(QuotaImport upload) {
        Importer.Validation validation = importer.validation(upload);
        List<CreatedQuota> created = created(upload.id);
        int seatsRequested = created.stream().mapToInt(CreatedQuota::quantity).sum();
        int seatsAllocated = created.stream().mapToInt(CreatedQuota::seatsAllocated).sum();
        int allocating = count(created, QuotaState.PENDING_ALLOCATION);
        Progress progress = new Progress(upload.lineCount, upload.lineCount, created.size(), allocating,
                count(created, QuotaState.ALLOCATED), count(created, QuotaState.PARTIALLY_ALLOCATED),
                count(created, QuotaState.ALLOCATION_FAILED), seatsRequested, seatsAllocated,
                upload.status == QuotaImport.Status.CONFIRMED && allocating == 0);
        return new ImportView(upload.id, upload.fileName, upload.status, upload.uploadedBy, upload.uploadedAt,
                upload.confirmedBy, upload.confirmedAt, progress, validation.violations(), validation.duplicates(),
                validation.preview(), importer.failure(upload), created);
    }

    /** Every problem of the import as a spreadsheet-safe CSV: line, column, value, reason. */
    public String errorsCsv(ImportView view) {
        List<List<String>> rows = new ArrayList<>();
        view.violations().forEach(v -> rows.add(row(v)));
        view.duplicates().forEach(d -> rows.add(List.of(d.line() == null ? "" : d.line().toString(),
                d.line() == null ? "file" : "line", "", "duplicate: " + d.message())));
        view.confirmFailure().forEach(v -> rows.add(row(v)));
        view.created().stream().filter(c -> c.state() == QuotaState.ALLOCATION_FAILED)
                .forEach(c -> rows.add(List.of(Integer.toString(c.line()), ImportFormat.MATCHES,
                        Long.toString(c.matchId()), "allocation failed: " + c.failureReason())));
        return CsvDownload.write(List.of("line", "column", "value", "reason"), rows);
    }

    private static List<String> row(Violation v) {
        return List.of(v.line() == null ? "" : v.line().toString(), v.field(), v.value() == null ? "" : v.value(),
                v.message());
    }

    private List<CreatedQuota> created(UUID importId) {
        List<ImportedQuota> imported = ImportedQuota.list("importId = ?1 order by line", importId);
        if (imported.isEmpty()) {
            return List.of();
        }
        List<UUID> ids = imported.stream().map(i -> i.quotaId).toList();
        Map<UUID, Quota> quotas = new HashMap<>();
        Quota.<Quota>list("id in ?1", ids).forEach(q -> quotas.put(q.id, q));
        Map<UUID, Integer> seats = new HashMap<>();
        entityManager.createQuery("select t.quotaId, count(t) from Ticket t where t.quotaId in :ids"
                + " and t.status <> :cancelled group by t.quotaId", Object[].class).setParameter("ids", ids)
                .setParameter("cancelled", TicketStatus.CANCELLED).getResultList()
                .forEach(row -> seats.put((UUID) row[0], ((Number) row[1]).intValue()));
        return imported.stream().map(i -> {
            Quota q = quotas.get(i.quotaId);
            return new CreatedQuota(i.line, q.id, q.groupId, q.matchId, q.holderEmail, q.quantity, q.state,
                    seats.getOrDefault(q.id, 0), q.failureReason);
        }).toList();
    }

    private static int count(List<CreatedQuota> created, QuotaState state) {
        return (int) created.stream().filter(c -> c.state() == state).count();
    }
}
