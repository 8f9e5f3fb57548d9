/**
 * The services' one source of the current time: an injected {@link java.time.Clock}, which tests replace with one
 * they can move.
 */
package com.stadium.quota.messaging.time;
