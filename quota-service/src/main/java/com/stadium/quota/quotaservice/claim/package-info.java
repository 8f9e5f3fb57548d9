/**
 * The claim: select tickets (held for a while), give each one's attendee, pay (or confirm when free). The rules are
 * plain Java here; the holder API that drives them comes with the rest of the holder issue.
 */
package com.stadium.quota.quotaservice.claim;
