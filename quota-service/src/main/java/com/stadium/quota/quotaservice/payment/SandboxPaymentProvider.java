package com.stadium.quota.quotaservice.payment;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.stadium.quota.quotaservice.config.QuotaServiceConfig;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Stands in for the payment service locally and in tests. A payment stays PENDING until someone tells the sandbox
 * how it ended ({@link SandboxResource}); telling it nothing is a timeout. Payments live in memory: a restart forgets
 * them, and a forgotten payment reads as FAILED, as a real provider's expired session would.
 */
@ApplicationScoped
public class SandboxPaymentProvider implements PaymentProvider {
    @Inject
    QuotaServiceConfig config;

    /** One sandbox payment. */
    public record SandboxPayment(String id, PaymentOrder order, PaymentStatus status) {
    }

    private final Map<String, SandboxPayment> byId = new ConcurrentHashMap<>();
    private final Map<String, String> idByKey = new ConcurrentHashMap<>();
    private final Map<String, SandboxRefund> refunds = new java.util.HashMap<>();

    private record SandboxRefund(String paymentId, int amountCents) {
    }

    /** How long starting a payment takes, to try the suite against a slow payment service. */
    volatile Duration startDelay;

    @PostConstruct
    void configured() {
        startDelay = config.payment().sandbox().startDelay();
    }

    private final AtomicInteger starting = new AtomicInteger();
    private final AtomicBoolean failNextStart = new AtomicBoolean();

    @Override
    public PaymentSession create(PaymentOrder order) {
        starting.incrementAndGet();
        try {
            if (failNextStart.getAndSet(false)) {
                throw new IllegalStateException("the sandbox payment service is down for this one start");
            }
            Thread.sleep(startDelay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting a payment", e);
        } finally {
            starting.decrementAndGet();
        }
        String id = idByKey.computeIfAbsent(order.idempotencyKey(), key -> {
            String paymentId = "sbx_" + UUID.randomUUID();
            byId.put(paymentId, new SandboxPayment(paymentId, order, PaymentStatus.PENDING));
            return paymentId;
        });
        return new PaymentSession(id, config.payment().sandbox().pageUrl() + "/" + id, status(id));
    }

    /** From now on every payment start takes this long (tests set it back to zero). */
    public void delayStarts(Duration delay) {
        startDelay = delay;
    }

    /** The next payment start fails, as an unreachable payment service would. */
    public void failNextStart() {
        failNextStart.set(true);
    }

    /** Payment starts under way right now. */
    public int startsInProgress() {
        return starting.get();
    }

    @Override
    public PaymentStatus status(String paymentId) {
        SandboxPayment payment = byId.get(paymentId);
        return payment == null ? PaymentStatus.FAILED : payment.status();
    }

    @Override
    public PaymentStatus cancel(String paymentId) {
        SandboxPayment payment = byId.computeIfPresent(paymentId, (id, p) -> p.status() == PaymentStatus.PENDING
                ? new SandboxPayment(id, p.order(), PaymentStatus.CANCELLED) : p);
        return payment == null ? PaymentStatus.FAILED : payment.status();
    }

    @Override
    public boolean refund(String paymentId, int amountCents, String idempotencyKey) {
        SandboxPayment payment = byId.get(paymentId);
        if (payment == null || payment.status() != PaymentStatus.PAID) {
            return false;
        }
        synchronized (refunds) {
            if (refunds.containsKey(idempotencyKey)) {
                return true;
            }
            int refunded = refunds.values().stream().filter(r -> r.paymentId().equals(paymentId))
                    .mapToInt(SandboxRefund::amountCents).sum();
            if (refunded + amountCents > payment.order().amountCents()) {
                return false;
            }
            refunds.put(idempotencyKey, new SandboxRefund(paymentId, amountCents));
            return true;
        }
    }

    /** What the sandbox paid back for a payment, in all. */
    public int refunded(String paymentId) {
        synchronized (refunds) {
            return refunds.values().stream().filter(r -> r.paymentId().equals(paymentId))
                    .mapToInt(SandboxRefund::amountCents).sum();
        }
    }

    /** Ends a pending payment as the payer would; a payment that has ended keeps its first answer. */
    public PaymentStatus answer(String paymentId, boolean paid) {
        SandboxPayment payment = byId.computeIfPresent(paymentId, (id, p) -> p.status() == PaymentStatus.PENDING
                ? new SandboxPayment(id, p.order(), paid ? PaymentStatus.PAID : PaymentStatus.FAILED) : p);
        return payment == null ? PaymentStatus.FAILED : payment.status();
    }

    public SandboxPayment find(String paymentId) {
        return byId.get(paymentId);
    }
}
