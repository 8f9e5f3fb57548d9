package com.stadium.quota.portal.live;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Fans each quota event out to the open streams whose audience may see it, and keeps the last few events so a stream
 * that reconnects with the id of the last event it saw gets what it missed. An id older than that memory (or one this
 * instance never saw) gets a "refresh": the page fetches everything again. A page is rendered with the hub's
 * {@link #position()}, so its stream also gets what came between the render and its opening.
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
    /** The position before the first event read since the consumer last got its partitions (see {@link #resumed}). */
    private String origin = newOrigin();
    /** Whether an event read since the origin was dropped from the memory (the origin then no longer answers). */
    private boolean forgotten;

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
            forgotten = true;
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

    /**
     * Where the hub is now, for a page rendered now to pass to its stream so nothing falls between the two: the newest
     * event's id, or, before the first event, the hub's origin (an id no event has, which only this hub knows).
     */
    public synchronized String position() {
        return recent.isEmpty() ? origin : recent.peekLast().id();
    }

    /**
     * The consumer (again) has its partitions, their positions resolved: what came before may have been missed, so
     * every open stream refreshes, the memory starts over and positions given out before answer "refresh".
     */
    public synchronized void resumed() {
        recent.clear();
        forgotten = false;
        origin = newOrigin();
        subscribers.forEach(s -> s.sink().accept(Delivery.REFRESH));
    }

    public int openStreams() {
        return subscribers.size();
    }

    private List<Recent> since(String id) {
        if (id.equals(origin)) {
            return forgotten ? null : new ArrayList<>(recent);
        }
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

    private static String newOrigin() {
        return "origin-" + UUID.randomUUID();
    }
}
