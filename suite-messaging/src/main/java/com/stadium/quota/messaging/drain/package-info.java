/** Background work that empties a table of pending items (outbox rows, messages to send), woken after commits. */
package com.stadium.quota.messaging.drain;
