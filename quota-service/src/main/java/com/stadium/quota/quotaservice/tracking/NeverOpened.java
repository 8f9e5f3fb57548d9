package com.stadium.quota.quotaservice.tracking;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.stadium.quota.quotaservice.tracking.SponsorTracking.TrackedQuota;
import com.stadium.quota.web.CsvDownload;

/**
 * The "invited but never opened" list of a match as a CSV file for a follow-up (call or write to them), written by the
 * suite's one formula-safe CSV writer. A sub-recipient's line names who passed the tickets on.
 */
public final class NeverOpened {

    static final List<String> HEADER = List.of("quota_id", "holder_name", "holder_email", "received_from", "state",
            "seats", "invited_at", "last_sent_at", "links_resent");

    private NeverOpened() {
    }

    /** The lines of a match's tracking (in its order) whose invitation was never opened. */
    public static List<TrackedQuota> of(List<TrackedQuota> tracked) {
        return tracked.stream().filter(TrackedQuota::neverOpened).toList();
    }

    public static String csv(List<TrackedQuota> tracked) {
        Map<UUID, String> emails = new HashMap<>();
        tracked.forEach(q -> emails.put(q.quotaId(), q.holderEmail()));
        return CsvDownload.write(HEADER, of(tracked).stream().map(q -> List.of(q.quotaId().toString(),
                q.holderName(), q.holderEmail(), q.parentId() == null ? "" : emails.getOrDefault(q.parentId(), ""),
                q.state().name(), Integer.toString(q.quantity()), text(q.invitation().issuedAt()),
                text(q.invitation().lastSentAt()), Integer.toString(q.invitation().resent()))).toList());
    }

    private static String text(Instant instant) {
        return instant == null ? "" : instant.toString();
    }
}
