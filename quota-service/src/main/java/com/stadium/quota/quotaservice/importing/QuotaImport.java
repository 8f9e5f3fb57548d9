package com.stadium.quota.quotaservice.importing;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** An uploaded import file with its report; the file is kept so a confirm checks exactly what was previewed. */
@Entity
@Table(name = "quota_import")
public class QuotaImport extends PanacheEntityBase {

    /** Where an import stands: INVALID cannot be confirmed, FAILED (a refused confirm) may be confirmed again. */
    public enum Status {
        INVALID, VALIDATED, FAILED, CONFIRMED
    }

    @Id
    public UUID id;

    @Column(name = "file_name", nullable = false)
    public String fileName;

    /** SHA-256 of the uploaded bytes, hex: the same file uploaded again is flagged. */
    @Column(name = "content_hash", nullable = false)
    public String contentHash;

    @Column(nullable = false, columnDefinition = "text")
    public String content;

    @Column(name = "line_count", nullable = false)
    public int lineCount;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    /** The validation at upload, as JSON. */
    @Column(nullable = false, columnDefinition = "text")
    public String report;

    /** The violations of the last refused confirm, as JSON. */
    @Column(columnDefinition = "text")
    public String failure;

    @Column(name = "uploaded_by", nullable = false)
    public String uploadedBy;

    @Column(name = "uploaded_at", nullable = false)
    public Instant uploadedAt;

    @Column(name = "confirmed_by")
    public String confirmedBy;

    @Column(name = "confirmed_at")
    public Instant confirmedAt;

    @Version
    public long version;
}
