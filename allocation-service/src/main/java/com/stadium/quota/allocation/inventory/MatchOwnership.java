package com.stadium.quota.allocation.inventory;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;

import com.stadium.quota.messaging.contract.Topics;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Which matches this instance owns: those whose id, as the Kafka key of {@code allocation-requests}, falls on a
 * partition the group gave this instance. Only an owned match's view may be cached, and only while the instance
 * hears of other instances' writes ({@code inventory-changes} assigned). The instance has joined once each of its
 * consumers has held its assignment at the same moment: the group's rebalances of its start are over.
 */
@ApplicationScoped
public class MatchOwnership {

    private final String instance = UUID.randomUUID().toString();
    private volatile Set<Integer> owned = Set.of();
    private volatile int partitions;
    private volatile boolean listening;
    /** Topics whose consumer of this instance holds its assignment now (between a rebalance's end and the next). */
    private final Set<String> holding = new HashSet<>();
    private final CompletableFuture<Void> joined = new CompletableFuture<>();

    /** The topics this instance consumes in groups that decide what it owns or hears of. */
    public static final Set<String> CONSUMED = Set.of(Topics.ALLOCATION_REQUESTS, Topics.SEAT_RELEASES,
            Topics.INVENTORY_CHANGES);

    /** This instance's id, random per start; it signs the inventory changes it announces. */
    public String instance() {
        return instance;
    }

    /** The partition a match's requests and releases land on: Kafka's own choice for the key (its partitioner). */
    public static int partitionOf(long matchId, int partitionCount) {
        return BuiltInPartitioner.partitionForKey(Long.toString(matchId).getBytes(StandardCharsets.UTF_8),
                partitionCount);
    }

    /** Partitions of {@code allocation-requests} given to this instance (a rebalance may give more later). */
    public synchronized void assigned(Collection<Integer> partitions, int partitionCount) {
        Set<Integer> now = new HashSet<>(owned);
        now.addAll(partitions);
        this.partitions = partitionCount;
        owned = Set.copyOf(now);
    }

    /** Partitions of {@code allocation-requests} taken from this instance (revoked or lost). */
    public synchronized void revoked(Collection<Integer> partitions) {
        Set<Integer> now = new HashSet<>(owned);
        now.removeAll(partitions);
        owned = Set.copyOf(now);
    }

    /** Whether this instance reads {@code inventory-changes} (assigned) and so hears of other instances' writes. */
    public void listening(boolean listening) {
        this.listening = listening;
    }

    /**
     * A consumer of these topics got its assignment ({@code true}, possibly no partition) or gave it up for a
     * rebalance ({@code false}).
     */
    public synchronized void holding(Collection<String> topics, boolean now) {
        if (now) {
            holding.addAll(topics);
        } else {
            holding.removeAll(topics);
        }
        if (holding.containsAll(CONSUMED)) {
            joined.complete(null);
        }
    }

    /** Completes once every consumer of {@link #CONSUMED} has held its assignment at the same moment. */
    public CompletionStage<Void> joined() {
        return joined;
    }

    /** Whether {@link #joined()} has completed. */
    public boolean hasJoined() {
        return joined.isDone();
    }

    /** The partitions of {@code allocation-requests} this instance holds. */
    public Set<Integer> owned() {
        return owned;
    }

    /** Whether the match's requests come to this instance now. */
    public boolean owns(long matchId) {
        return onAny(matchId, owned);
    }

    /** Whether the match's partition is one of these; false while the partition count is unknown. */
    public boolean onAny(long matchId, Collection<Integer> partitions) {
        int count = this.partitions;
        return count > 0 && partitions.contains(partitionOf(matchId, count));
    }

    /** Whether a cached view of the match stays right: it is owned and every other instance's write is heard of. */
    public boolean trusts(long matchId) {
        return listening && owns(matchId);
    }
}
