package com.stadium.quota.quotaservice.importing;

import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A quota created by an import, with the line that asked for it. */
@Entity
@Table(name = "quota_import_quota")
public class ImportedQuota extends PanacheEntityBase {

    @Id
    @Column(name = "quota_id")
    public UUID quotaId;

    @Column(name = "import_id", nullable = false)
    public UUID importId;

    @Column(nullable = false)
    public int line;
}
