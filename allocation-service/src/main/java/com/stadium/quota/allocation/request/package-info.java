/** Allocation requests and seat releases from Kafka, answered with allocation results through the outbox. */
package com.stadium.quota.allocation.request;
