package com.stadium.quota.notification.push;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A phone with the app, or a browser, signed in as a holder: pushes for that holder's email go to it. */
@Entity
@Table(name = "device")
public class Device extends PanacheEntityBase {

    /** The push service's token for the native app on this phone; for a browser, derived from its endpoint. */
    @Id
    public String token;

    /** Lower case: mail addresses are matched case-insensitively. */
    @Column(nullable = false)
    public String email;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Platform platform;

    @Column(name = "registered_at", nullable = false)
    public Instant registeredAt;

    /** Web Push only: the browser's subscription. */
    public String endpoint;

    public String p256dh;

    public String auth;

    static String normalise(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }

    static List<Device> of(String email) {
        return list("email", normalise(email));
    }

    /** A browser's token: its endpoint hashed, so it fits a URL path and the same browser always finds its row. */
    static String webToken(String endpoint) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(endpoint.getBytes(StandardCharsets.UTF_8));
            return "web-" + Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    /** The browser's subscription, or null for a native app. */
    WebPushSubscription subscription() {
        return platform == Platform.WEB ? new WebPushSubscription(endpoint, p256dh, auth) : null;
    }
}
