/**
 * Abuse limits: the endpoints anyone can call without a session (deeplink redemption, the payment callback) and the
 * expensive import upload take a configured number of calls per client address and period (quarkus-bucket4j,
 * {@code quarkus.rate-limiter.buckets.*}); one more is a 429 with Retry-After and the usual problem body.
 */
package com.stadium.quota.quotaservice.limits;
