package com.stadium.quota.quotaservice.claim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.stadium.quota.quotaservice.race.RaceProtection;

/** Claim requests on one quota take turns in the instance; other quotas do not wait for them. */
class QuotaTurnsTest {

    private final QuotaTurns turns = new QuotaTurns(new RaceProtection());
    private final ExecutorService pool = Executors.newFixedThreadPool(8);

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    @Test
    void requestsOnOneQuotaNeverOverlapAndLeaveNothingBehind() throws Exception {
        UUID quota = UUID.randomUUID();
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        List<Future<Integer>> done = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            done.add(pool.submit(() -> {
                int ran = 0;
                for (int n = 0; n < 200; n++) {
                    ran += turns.inTurn(quota, () -> {
                        mostAtOnce.accumulateAndGet(inside.incrementAndGet(), Math::max);
                        Thread.yield();
                        inside.decrementAndGet();
                        return 1;
                    });
                }
                return ran;
            }));
        }
        int ran = 0;
        for (Future<Integer> f : done) {
            ran += f.get(30, TimeUnit.SECONDS);
        }
        assertThat(ran).isEqualTo(1600);
        assertThat(mostAtOnce).hasValue(1);
        assertThat(turns.busy()).isZero();
    }

    @Test
    void anotherQuotaGoesOnWhileOneIsBusy() throws Exception {
        UUID busy = UUID.randomUUID();
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<?> slow = pool.submit(() -> turns.inTurn(busy, () -> {
            holding.countDown();
            await(release);
            return null;
        }));
        assertThat(holding.await(5, TimeUnit.SECONDS)).isTrue();
        Future<String> other = pool.submit(() -> turns.inTurn(UUID.randomUUID(), () -> "done"));
        assertThat(other.get(5, TimeUnit.SECONDS)).isEqualTo("done");
        Future<String> same = pool.submit(() -> turns.inTurn(busy, () -> "after"));
        Thread.sleep(100);
        assertThat(same).isNotDone();
        release.countDown();
        assertThat(same.get(5, TimeUnit.SECONDS)).isEqualTo("after");
        slow.get(5, TimeUnit.SECONDS);
        assertThat(turns.busy()).isZero();
    }

    @Test
    void aFailedRequestGivesTheTurnOn() throws Exception {
        UUID quota = UUID.randomUUID();
        assertThatThrownBy(() -> turns.inTurn(quota, () -> {
            throw new IllegalStateException("refused");
        })).hasMessage("refused");
        assertThat(pool.submit(() -> turns.inTurn(quota, () -> "next")).get(5, TimeUnit.SECONDS)).isEqualTo("next");
        assertThat(turns.busy()).isZero();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
