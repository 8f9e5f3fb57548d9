package com.stadium.quota.notification.push;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import org.jboss.logging.Logger;

import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The native app's provider until there is one for FCM/APNs: sends nothing, keeps the latest pushes in memory (for
 * tests and local runs) and logs them.
 */
@ApplicationScoped
@Identifier(RecordingPushProvider.NAME)
public class RecordingPushProvider implements PushProvider {

    public static final String NAME = "recording";

    private static final Logger LOG = Logger.getLogger(RecordingPushProvider.class);
    private static final int KEPT = 1000;

    private final Deque<PushMessage> recorded = new ArrayDeque<>();

    @Override
    public synchronized Outcome send(PushMessage message) {
        LOG.infof("push (recorded, not sent) to %s device: %s", message.platform(), message.title());
        if (recorded.size() == KEPT) {
            recorded.removeFirst();
        }
        recorded.addLast(message);
        return Outcome.DELIVERED;
    }

    /** The recorded pushes to one device, oldest first. */
    public synchronized List<PushMessage> sentTo(String deviceToken) {
        return recorded.stream().filter(m -> m.deviceToken().equals(deviceToken)).toList();
    }
}
