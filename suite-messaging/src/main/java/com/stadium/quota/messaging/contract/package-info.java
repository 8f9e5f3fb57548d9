/**
 * The event contract between the services: the envelope every Kafka message carries, the topic names,
 * and one versioned record per event payload. Defined once here; services never copy these types.
 */
package com.stadium.quota.messaging.contract;
