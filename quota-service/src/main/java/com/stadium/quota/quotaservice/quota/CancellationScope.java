package com.stadium.quota.quotaservice.quota;

/** The two ways an admin cancels (DESIGN.md, "Cancellation"). */
public enum CancellationScope {
    /** Every ticket that is not sold (open holds end) and the unfulfilled remainder; sold tickets stay valid. */
    UNFULFILLED_ONLY,
    /** As above, and also sold tickets of matches that have not started; paid ones are refunded. */
    ALL_UNUSED
}
