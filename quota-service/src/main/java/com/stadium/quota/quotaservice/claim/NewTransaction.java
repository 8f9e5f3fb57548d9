package com.stadium.quota.quotaservice.claim;

import java.util.function.Supplier;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.narayana.jta.QuarkusTransactionException;

/** Work in a transaction of its own that commits before the caller goes on; refusals come back as thrown. */
final class NewTransaction {

    private NewTransaction() {
    }

    static <T> T call(Supplier<T> work) {
        try {
            return QuarkusTransaction.requiringNew().call(work::get);
        } catch (QuarkusTransactionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }
}
