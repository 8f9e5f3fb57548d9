package com.stadium.quota.quotaservice.holder;

import java.time.Instant;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A holder's Keycloak account: asked for with the invitation, made by {@link HolderAccounts} afterwards. */
@Entity
@Table(name = "holder_account")
public class HolderAccount extends PanacheEntityBase {

    @Id
    public String email;

    @Column(nullable = false)
    public String name;

    @Column(name = "keycloak_id")
    public String keycloakId;

    @Column(name = "requested_at", nullable = false)
    public Instant requestedAt;

    @Column(name = "provisioned_at")
    public Instant provisionedAt;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "last_error", columnDefinition = "text")
    public String lastError;
}
