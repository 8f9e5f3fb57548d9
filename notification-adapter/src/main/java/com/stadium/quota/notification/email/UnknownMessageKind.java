package com.stadium.quota.notification.email;

/** A notification of a kind no template exists for: retrying cannot help. */
public class UnknownMessageKind extends RuntimeException {

    public UnknownMessageKind(String kind) {
        super("no message template for kind " + kind);
    }
}
