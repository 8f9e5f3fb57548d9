package com.stadium.quota.messaging.contract;

import java.util.List;
import java.util.UUID;

/**
 * quota-service asks for seats for one quota, or for a quota group (the same seats at several matches).
 * Published on {@code allocation-requests} keyed by the lowest match id, so one instance at a time allocates
 * for a match.
 *
 * <pre>
 * {"requestId":"6f1c…","quotas":[{"matchId":1,"quotaId":"a7e2…"},{"matchId":2,"quotaId":"c41b…"}],
 *  "sectors":["W3","W2"],"quantity":4,"algorithm":"NM","includeAccessible":false,"allowPartial":false,"seed":null}
 * </pre>
 *
 * @param requestId identifies the request; asking again with the same id returns the same result
 * @param quotas which quota receives the seats at each match
 * @param sectors sector codes in order of preference
 * @param algorithm {@link Algorithm#NM} or {@link Algorithm#REDOM}
 * @param seed REDOM's random seed; when null allocation-service derives one from the request id and returns it
 */
@EventType(name = AllocationRequested.TYPE, version = AllocationRequested.VERSION, topic = Topics.ALLOCATION_REQUESTS)
public record AllocationRequested(UUID requestId, List<MatchQuota> quotas, List<String> sectors, int quantity,
        Algorithm algorithm, boolean includeAccessible, boolean allowPartial, Long seed) implements SuiteEvent {

    public static final String TYPE = "allocation.requested";
    public static final int VERSION = 1;

    /**
     * How seats are chosen (README, "Venues, matches and seat allocation"). A value this version does not know fails
     * reading the event, so the consumer sends it to its dead-letter topic.
     */
    public enum Algorithm {
        /** Neighbouring seats: the group sits together. */
        NM,
        /** Random even distribution over the chosen sectors. */
        REDOM
    }

    /** The quota that gets the seats at one match. */
    public record MatchQuota(long matchId, UUID quotaId) {
    }

    public AllocationRequested {
        quotas = quotas == null ? List.of() : List.copyOf(quotas);
        sectors = sectors == null ? List.of() : List.copyOf(sectors);
    }

    /** The Kafka key: the lowest match id orders every request that touches that match. */
    public String partitionKey() {
        return quotas.stream().mapToLong(MatchQuota::matchId).min().stream()
                .mapToObj(Long::toString).findFirst().orElse("none");
    }
}
