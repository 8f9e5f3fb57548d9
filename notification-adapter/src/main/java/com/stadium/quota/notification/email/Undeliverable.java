package com.stadium.quota.notification.email;

/** A notification that can never be sent as it is (unknown kind, missing or unreadable data): retrying cannot help. */
public class Undeliverable extends RuntimeException {

    public Undeliverable(String reason) {
        super(reason);
    }

    public Undeliverable(String reason, Throwable cause) {
        super(reason, cause);
    }
}
