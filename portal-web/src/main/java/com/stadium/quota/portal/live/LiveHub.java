package com.stadium.quota.portal.live;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Fans each quota event out to the open streams whose audience may see it, and keeps the last few events so a stream
 * that reconnects with the id of the last event it saw gets what it missed. An id older than that memory (or one this
 * instance never saw) gets a "refresh": the page fetches everything again.
 */
public final class LiveHub {

    /** One thing for one stream: an event (with its id and verdict), or "refresh everything". */
    public record Delivery(String id, QuotaEvent event, Audience.Verdict verdict) {
        static final Delivery REFRESH = new Delivery(null, null, null);

        public boolean refresh() {
            return event == null;
        }
    }

    /** An open stream's place in the hub; closing it stops the deliveries. */
    public interface Subscription extends AutoCloseable {
        @Override
        void close();
    }

    private record Recent(String id, QuotaEvent event) {
    }

    private record Subscriber(Audience audience, Consumer<Delivery> sink) {
        void offer(Recent recent) {
            Audience.Verdict verdict = audience.judge(recent.event());
            if (verdict != Audience.Verdict.NONE) {
                sink.accept(new Delivery(recent.id(), recent.event(), verdict));
            }
        }
    }

    private final int memory;
    private final ArrayDeque<Recent> recent;
    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();

    public LiveHub(int memory) {
        if (memory < 1) {
            throw new IllegalArgumentException("memory: must be at least 1, was " + memory);
        }
        this.memory = memory;
        this.recent = new ArrayDeque<>(memory);
    }

    /** An event read from quota-events, under its id (unique on the topic, the same on every instance). */
    public synchronized void publish(String id, QuotaEvent event) {
        Recent entry = new Recent(id, event);
        if (recent.size() == memory) {
            recent.removeFirst();
        }
        recent.addLast(entry);
        subscribers.forEach(s -> s.offer(entry));
    }

    /**
     * Opens a stream: first what it missed since {@code lastEventId} (when given), or a refresh when that id is no
     * longer (or never was) known here; then every new event its audience admits, in order.
     */
    public synchronized Subscription open(Audience audience, String lastEventId, Consumer<Delivery> sink) {
        Subscriber subscriber = new Subscriber(audience, sink);
        if (lastEventId != null && !lastEventId.isBlank()) {
            List<Recent> missed = since(lastEventId.trim());
            if (missed == null) {
                sink.accept(Delivery.REFRESH);
            } else {
                missed.forEach(subscriber::offer);
            }
        }
        subscribers.add(subscriber);
        return () -> subscribers.remove(subscriber);
    }

    /** The newest event's id: a page rendered now passes it to its stream so nothing falls between the two. */
    public synchronized Optional<String> lastId() {
        return recent.isEmpty() ? Optional.empty() : Optional.of(recent.peekLast().id());
    }

    public int openStreams() {
        return subscribers.size();
    }

    private List<Recent> since(String id) {
        List<Recent> after = new ArrayList<>();
        var it = recent.descendingIterator();
        while (it.hasNext()) {
            Recent r = it.next();
            if (r.id().equals(id)) {
                java.util.Collections.reverse(after);
                return after;
            }
            after.add(r);
        }
        return null;
    }
}
