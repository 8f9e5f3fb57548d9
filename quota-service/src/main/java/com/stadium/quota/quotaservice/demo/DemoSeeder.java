package com.stadium.quota.quotaservice.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jboss.logging.Logger;

import com.stadium.quota.quotaservice.allocation.MatchCatalog;
import com.stadium.quota.quotaservice.config.QuotaServiceConfig;
import com.stadium.quota.quotaservice.demo.DemoPlan.Decision;
import com.stadium.quota.quotaservice.demo.DemoPlan.Step;
import com.stadium.quota.quotaservice.holder.Caller;
import com.stadium.quota.quotaservice.quota.Quota;
import com.stadium.quota.quotaservice.quota.QuotaCreation;
import com.stadium.quota.quotaservice.subquota.Subquotas;
import com.stadium.quota.quotaservice.subquota.Subquotas.NewSubquota;
import com.stadium.quota.web.InvalidInput;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Creates the demo data of {@link DemoPlan} in the background when {@code suite.demo.enabled} (dev only): through
 * {@link QuotaCreation} and {@link Subquotas} as an admin and a holder would, with "demo" as the actor, so
 * allocation, invitations and events happen as for real. Each step and its marker ({@link DemoSeed}) are written in
 * one transaction, so a step is done once, ever. It retries until allocation-service has its demo matches and the
 * delegated quota its seats, and never holds up the start.
 */
@ApplicationScoped
public class DemoSeeder {

    private static final Logger LOG = Logger.getLogger(DemoSeeder.class);
    static final String ACTOR = "demo";
    static final String DEMO_MATCHES = "DEMO-";

    @Inject
    QuotaServiceConfig config;

    @Inject
    MatchCatalog catalog;

    @Inject
    QuotaCreation creation;

    @Inject
    Subquotas subquotas;

    @Inject
    Clock clock;

    private volatile boolean finished;

    @Scheduled(every = "${suite.demo.retry}", delayed = "${suite.demo.first-try:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void seed() {
        if (!config.demo().enabled() || finished) {
            return;
        }
        try {
            finished = seedOnce();
        } catch (InvalidInput e) {
            // the rules refused the demo data itself: worth seeing, unlike a service that is not up yet
            LOG.warnf("demo data refused, trying again: %s", e.getMessage());
        } catch (RuntimeException e) {
            LOG.debugf("demo data not complete yet, trying again: %s", e.getMessage());
        }
    }

    /** One round: runs what the plan says now; true once every step is settled. */
    boolean seedOnce() {
        Map<Step, DemoSeed> done = QuarkusTransaction.requiringNew().call(() -> DemoSeed.<DemoSeed>listAll()
                .stream().collect(Collectors.toMap(s -> s.step, s -> s)));
        Decision decision = DemoPlan.next(done.keySet(), 0, null);
        if (decision.finished()) {
            return true;
        }
        List<Long> matches = catalog.upcoming(DEMO_MATCHES, clock.instant());
        DemoSeed delegated = done.get(Step.PAID_WITH_DELEGATE);
        decision = DemoPlan.next(done.keySet(), matches.size(), delegated == null || delegated.quotaId == null ? null
                : QuarkusTransaction.requiringNew().call(() -> Quota.<Quota>findById(delegated.quotaId).state));
        for (Step step : decision.skip()) {
            QuarkusTransaction.requiringNew().run(() -> mark(step, null, "SKIPPED"));
            LOG.infof("demo data: %s left out (no demo matches for it, or the delegated quota has no seats)", step);
        }
        LocalDate today = LocalDate.now(clock.withZone(config.club().timeZone()));
        for (Step step : decision.run()) {
            QuarkusTransaction.requiringNew().run(() -> mark(step, run(step, matches, today, delegated), "CREATED"));
        }
        if (decision.finished()) {
            LOG.infof("demo data ready: quotas for %s (one passed on to %s) and %s", DemoPlan.HOLDER, DemoPlan.GUEST,
                    DemoPlan.SECOND_HOLDER);
        }
        return decision.finished();
    }

    private UUID run(Step step, List<Long> matches, LocalDate today, DemoSeed delegated) {
        if (step == Step.SUBQUOTA_TO_GUEST) {
            return subquotas.create(new Caller(DemoPlan.HOLDER, ACTOR, false), delegated.quotaId,
                    new NewSubquota(DemoPlan.GUEST, DemoPlan.GUEST_NAME, DemoPlan.GUEST_TICKETS, null,
                            "Enjoy the match!")).quota().id();
        }
        return creation.create(DemoPlan.quota(step, matches, today), ACTOR).get(0).id;
    }

    private void mark(Step step, UUID quotaId, String outcome) {
        DemoSeed seed = new DemoSeed();
        seed.step = step;
        seed.quotaId = quotaId;
        seed.outcome = outcome;
        seed.doneAt = clock.instant();
        seed.persist();
    }
}
