package com.stadium.quota.allocation.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.stadium.quota.messaging.contract.EventEnvelope;
import com.stadium.quota.messaging.contract.MatchAnnounced;
import com.stadium.quota.messaging.contract.Topics;
import com.stadium.quota.testing.TopicReader;

/**
 * Reads match-catalog on the test stack's broker as another service would. The topic keeps earlier test runs'
 * announcements, so only those made since a given moment count.
 */
public final class Announcements {

    private Announcements() {
    }

    /** The match's announcements since {@code since}, in order, up to the first that {@code until} accepts. */
    public static List<MatchAnnounced> of(ObjectMapper json, long matchId, Instant since,
            Predicate<MatchAnnounced> until) {
        List<MatchAnnounced> seen = new ArrayList<>();
        try (TopicReader reader = new TopicReader(Topics.MATCH_CATALOG)) {
            reader.await(record -> {
                MatchAnnounced match = read(json, record.key(), record.value(), since);
                if (match == null || match.matchId() != matchId || seen.stream().anyMatch(until)) {
                    return false;
                }
                seen.add(match);
                return until.test(match);
            }, Duration.ofSeconds(30));
        }
        assertThat(seen).as("announcements of match %d since %s", matchId, since).anyMatch(until);
        return seen;
    }

    /** The first announcement since {@code since} of each of the matches. */
    public static Map<Long, MatchAnnounced> first(ObjectMapper json, Set<Long> matchIds, Instant since) {
        Map<Long, MatchAnnounced> found = new HashMap<>();
        try (TopicReader reader = new TopicReader(Topics.MATCH_CATALOG)) {
            reader.await(record -> {
                MatchAnnounced match = read(json, record.key(), record.value(), since);
                if (match != null && matchIds.contains(match.matchId())) {
                    found.putIfAbsent(match.matchId(), match);
                }
                return found.size() == matchIds.size();
            }, Duration.ofSeconds(30));
        }
        assertThat(found.keySet()).as("matches announced since %s", since).isEqualTo(matchIds);
        return found;
    }

    private static MatchAnnounced read(ObjectMapper json, String key, String value, Instant since) {
        EventEnvelope envelope = EventEnvelope.parse(value, json);
        if (!envelope.is(MatchAnnounced.TYPE) || envelope.time().isBefore(since)) {
            return null;
        }
        MatchAnnounced match = envelope.payloadAs(MatchAnnounced.class, json);
        assertThat(key).as("the Kafka key of an announcement").isEqualTo(Long.toString(match.matchId()));
        return match;
    }
}
