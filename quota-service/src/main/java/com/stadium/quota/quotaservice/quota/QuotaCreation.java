package com.stadium.quota.quotaservice.quota;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import com.stadium.quota.messaging.contract.AllocationRequested;
import com.stadium.quota.messaging.contract.QuotaChanged;
import com.stadium.quota.messaging.outbox.Outbox;
import com.stadium.quota.quotaservice.audit.Audit;
import com.stadium.quota.quotaservice.config.QuotaServiceConfig;
import com.stadium.quota.web.InvalidInput;
import com.stadium.quota.web.Violation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Creates a quota, or a quota group for several matches, in PENDING_ALLOCATION and asks allocation-service for
 * the seats, all in one transaction (the request leaves through the outbox).
 */
@ApplicationScoped
public class QuotaCreation {

    @Inject
    QuotaServiceConfig config;

    @Inject
    Matches catalog;

    @Inject
    Quotas quotas;

    @Inject
    Outbox outbox;

    @Inject
    Audit audit;

    @Inject
    QuotaEvents events;

    @Inject
    Event<HolderLocaleGiven> localeGiven;

    @Inject
    Clock clock;

    /** The rules' verdict on a new quota without creating anything (used by imports to preview). */
    public List<Violation> check(NewQuota request) {
        List<Long> ids = request.matchIds() == null ? List.of()
                : request.matchIds().stream().filter(Objects::nonNull).toList();
        Map<Long, MatchInfo> matches = catalog.lookup(ids);
        Instant now = clock.instant();
        return QuotaRules.check(request, matches, LocalDate.ofInstant(now, config.club().timeZone()), now);
    }

    /** The quotas created, one per match, sharing a group id when there are several. */
    @Transactional(Transactional.TxType.REQUIRED)
    public List<Quota> create(NewQuota request, String actor) {
        List<Violation> violations = check(request);
        if (!violations.isEmpty()) {
            throw new InvalidInput(violations);
        }
        Map<Long, MatchInfo> matches = catalog.lookup(request.matchIds());
        UUID groupId = request.matchIds().size() > 1 ? UUID.randomUUID() : null;
        UUID requestId = UUID.randomUUID();
        Instant now = clock.instant();
        List<Quota> created = new ArrayList<>();
        List<AllocationRequested.MatchQuota> wanted = new ArrayList<>();
        for (Long matchId : request.matchIds()) {
            Quota quota = Quota.create(request, matches.get(matchId), groupId, requestId, actor, now);
            quotas.save(quota);
            created.add(quota);
            wanted.add(new AllocationRequested.MatchQuota(matchId, quota.id));
            audit.record(quota.id, actor, "CREATED", Map.of("match", matchId, "quantity", quota.quantity,
                    "sectors", request.sectors(), "algorithm", quota.algorithm, "group", String.valueOf(groupId)));
            events.changed(quota, QuotaChanged.Change.CREATED, actor);
        }
        AllocationRequested allocation = new AllocationRequested(requestId, wanted, request.sectors(),
                request.quantity(), AllocationRequested.Algorithm.valueOf(request.algorithm()),
                Boolean.TRUE.equals(request.includeAccessible()),
                Boolean.TRUE.equals(request.allowPartial()), null);
        outbox.publish(allocation, requestId.toString(), allocation.partitionKey());
        QuotaRules.languageTag(request.locale()).ifPresent(locale -> localeGiven.fire(
                new HolderLocaleGiven(QuotaRules.normalEmail(request.holderEmail()), locale)));
        return created;
    }
}
