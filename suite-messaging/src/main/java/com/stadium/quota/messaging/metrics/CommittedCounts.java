package com.stadium.quota.messaging.metrics;

import com.stadium.quota.messaging.drain.AfterCommit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * Counts a business event (a claim started, an invitation redeemed, ...) once the transaction that made it commits,
 * so a rolled-back attempt or a retry after a conflict never counts twice. Outside a transaction it counts at once.
 */
@ApplicationScoped
public class CommittedCounts {

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    MeterRegistry registry;

    /** Declares the counter, so it reads 0 before its first event instead of being absent. */
    public Counter counter(String name, String description, String... tags) {
        return Counter.builder(name).description(description).tags(tags).register(registry);
    }

    public void increment(Counter counter) {
        if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            counter.increment();
            return;
        }
        AfterCommit.run(transactions, counter::increment);
    }
}
