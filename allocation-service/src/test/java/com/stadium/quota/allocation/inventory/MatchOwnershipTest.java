package com.stadium.quota.allocation.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;

import com.stadium.quota.messaging.contract.Topics;

class MatchOwnershipTest {

    @Test
    void aMatchLandsOnThePartitionKafkaDocumentsForItsIdAsKey() {
        for (long matchId = 1; matchId <= 50; matchId++) {
            byte[] key = Long.toString(matchId).getBytes(StandardCharsets.UTF_8);
            assertThat(MatchOwnership.partitionOf(matchId, 3)).as("match %d", matchId)
                    .isEqualTo(Utils.toPositive(Utils.murmur2(key)) % 3);
        }
        Set<Integer> used = LongStream.rangeClosed(1, 50).mapToObj(id -> MatchOwnership.partitionOf(id, 3))
                .collect(Collectors.toSet());
        assertThat(used).containsExactlyInAnyOrder(0, 1, 2);
    }

    @Test
    void anInstanceOwnsTheMatchesOfItsPartitionsUntilTheyAreRevoked() {
        MatchOwnership ownership = new MatchOwnership();
        long onZero = match(0);
        long onOne = match(1);
        assertThat(ownership.owns(onZero)).as("nothing owned before the first assignment").isFalse();

        ownership.assigned(List.of(0, 2), 3);
        assertThat(ownership.owns(onZero)).isTrue();
        assertThat(ownership.owns(onOne)).isFalse();
        ownership.assigned(List.of(1), 3);
        assertThat(ownership.owns(onOne)).as("a later rebalance adds a partition").isTrue();

        ownership.revoked(List.of(0));
        assertThat(ownership.owns(onZero)).isFalse();
        assertThat(ownership.owns(onOne)).isTrue();
    }

    @Test
    void aViewIsTrustedOnlyForAnOwnedMatchWhileOtherInstancesWritesAreHeardOf() {
        MatchOwnership ownership = new MatchOwnership();
        long onZero = match(0);
        ownership.assigned(List.of(0), 3);
        assertThat(ownership.trusts(onZero)).as("inventory-changes not assigned yet").isFalse();
        ownership.listening(true);
        assertThat(ownership.trusts(onZero)).isTrue();
        assertThat(ownership.trusts(match(1))).isFalse();
        ownership.listening(false);
        assertThat(ownership.trusts(onZero)).isFalse();
    }

    @Test
    void anInstanceHasJoinedOnceEachOfItsConsumersHeldItsAssignmentAtTheSameMoment() {
        MatchOwnership ownership = new MatchOwnership();
        ownership.holding(Set.of(Topics.ALLOCATION_REQUESTS), true);
        ownership.holding(Set.of(Topics.INVENTORY_CHANGES), true);
        // seat-releases joining the group makes it rebalance: allocation-requests gives its partitions up meanwhile
        ownership.holding(Set.of(Topics.ALLOCATION_REQUESTS), false);
        ownership.holding(Set.of(Topics.SEAT_RELEASES), true);
        assertThat(ownership.hasJoined()).as("allocation-requests is between two assignments").isFalse();

        ownership.holding(Set.of(Topics.ALLOCATION_REQUESTS), true);
        assertThat(ownership.hasJoined()).isTrue();
        assertThat(ownership.joined().toCompletableFuture()).isCompleted();

        ownership.holding(Set.of(Topics.ALLOCATION_REQUESTS), false);
        assertThat(ownership.hasJoined()).as("a later rebalance does not undo the start's join").isTrue();
    }

    @Test
    void eachStartHasItsOwnInstanceId() {
        assertThat(new MatchOwnership().instance()).isNotEqualTo(new MatchOwnership().instance());
    }

    private static long match(int partition) {
        return LongStream.iterate(1, id -> id + 1).filter(id -> MatchOwnership.partitionOf(id, 3) == partition)
                .findFirst().orElseThrow();
    }
}
