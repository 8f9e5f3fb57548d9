/**
 * The claim as the holder drives it: select tickets (held for a while), give each one's attendee, pay (or confirm
 * when free), give up; payments, hold expiry and the confirmation mails. The transitions are the {@code Quota}'s.
 */
package com.stadium.quota.quotaservice.claim;
