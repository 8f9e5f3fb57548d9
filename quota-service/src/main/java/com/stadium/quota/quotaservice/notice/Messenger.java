package com.stadium.quota.quotaservice.notice;

import java.util.UUID;

/** The port for messages to people; what happens to a message after it is handed over is not the caller's. */
public interface Messenger {

    /**
     * Hands the message over in the caller's transaction (it leaves only if that commits).
     *
     * @param actor who caused it (token subject or a service name)
     * @return the notification id, under which notification-adapter shows the message
     */
    UUID send(MessageToPerson message, String actor);
}
