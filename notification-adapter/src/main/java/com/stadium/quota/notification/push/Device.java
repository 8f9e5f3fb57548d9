package com.stadium.quota.notification.push;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A phone with the app, signed in as a holder: pushes for that holder's email go to it. */
@Entity
@Table(name = "device")
public class Device extends PanacheEntityBase {

    /** The push service's token for the app on this phone. */
    @Id
    public String token;

    /** Lower case: mail addresses are matched case-insensitively. */
    @Column(nullable = false)
    public String email;

    @Column(nullable = false)
    public String platform;

    @Column(name = "registered_at", nullable = false)
    public Instant registeredAt;

    static String normalise(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }

    static List<Device> of(String email) {
        return list("email", normalise(email));
    }
}
