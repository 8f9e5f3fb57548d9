/** Business counters that move only when the change they count is committed. */
package com.stadium.quota.messaging.metrics;
