/**
 * Transactional outbox: events are stored in the same database transaction as the state change they
 * announce, and a relay sends them to Kafka afterwards, so a crash or a broker outage delays events but loses none.
 */
package com.stadium.quota.messaging.outbox;
