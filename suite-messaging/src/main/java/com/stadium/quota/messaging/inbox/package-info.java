/**
 * Idempotent consumption: each consumer records the event ids it has handled, in the same transaction as the
 * handling, and skips an id it has already seen.
 */
package com.stadium.quota.messaging.inbox;
