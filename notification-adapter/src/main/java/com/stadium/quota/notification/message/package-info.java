/** Notifications: each message the suite owes a person, received from Kafka, and how its delivery went. */
package com.stadium.quota.notification.message;
