package com.stadium.quota.notification.push;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import org.jboss.logging.Logger;

import io.quarkus.arc.lookup.LookupIfProperty;
import jakarta.enterprise.context.ApplicationScoped;

/** The default provider: sends nothing, keeps the latest pushes in memory (for tests and local runs) and logs them. */
@ApplicationScoped
@LookupIfProperty(name = "suite.push.provider", stringValue = "recording", lookupIfMissing = true)
public class RecordingPushProvider implements PushProvider {

    private static final Logger LOG = Logger.getLogger(RecordingPushProvider.class);
    private static final int KEPT = 1000;

    private final Deque<PushMessage> recorded = new ArrayDeque<>();

    @Override
    public synchronized void send(PushMessage message) {
        LOG.infof("push (recorded, not sent) to %s device: %s", message.platform(), message.title());
        if (recorded.size() == KEPT) {
            recorded.removeFirst();
        }
        recorded.addLast(message);
    }

    /** The recorded pushes to one device, oldest first. */
    public synchronized List<PushMessage> sentTo(String deviceToken) {
        return recorded.stream().filter(m -> m.deviceToken().equals(deviceToken)).toList();
    }
}
