/**
 * The W3C trace context (traceparent, tracestate) as the outbox stores it and Kafka record headers carry it, so one
 * trace follows a change from the HTTP request through the outbox to every consumer.
 */
package com.stadium.quota.messaging.trace;
