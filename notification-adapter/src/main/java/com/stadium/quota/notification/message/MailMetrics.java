package com.stadium.quota.notification.message;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Counts mail attempts by outcome: sent, retried later, or given up on (dead-lettered). */
@ApplicationScoped
public class MailMetrics {

    private final Counter sent;
    private final Counter retried;
    private final Counter failed;

    @Inject
    MailMetrics(MeterRegistry registry) {
        sent = counter(registry, "sent");
        retried = counter(registry, "retried");
        failed = counter(registry, "failed");
    }

    private static Counter counter(MeterRegistry registry, String outcome) {
        return Counter.builder("suite.mails").tag("outcome", outcome)
                .description("Mail attempts by outcome: sent, retried (will be tried again), failed (given up)")
                .register(registry);
    }

    void sent() {
        sent.increment();
    }

    void retried() {
        retried.increment();
    }

    void failed() {
        failed.increment();
    }
}
