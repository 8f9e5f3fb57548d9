package com.stadium.quota.quotaservice.cancellation;

import java.util.List;

import com.stadium.quota.quotaservice.quota.CancellationScope;
import com.stadium.quota.web.InvalidInput;
import com.stadium.quota.web.Violation;

/** What an admin sends to cancel: {@code {"scope":"UNFULFILLED_ONLY"}} or {@code ALL_UNUSED}. */
public record CancelRequest(String scope) {

    /** The scope asked for, or a refusal naming the field. */
    public static CancellationScope scopeOf(CancelRequest request) {
        String scope = request == null ? null : request.scope();
        try {
            return CancellationScope.valueOf(String.valueOf(scope));
        } catch (IllegalArgumentException e) {
            throw new InvalidInput(List.of(new Violation("scope", "must be UNFULFILLED_ONLY or ALL_UNUSED", null,
                    scope)));
        }
    }
}
