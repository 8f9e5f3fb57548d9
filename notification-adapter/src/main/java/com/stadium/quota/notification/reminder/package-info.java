/**
 * Expiration reminders: scheduled from each invitation's expiration date, kept current by later requests about the
 * same quota and recipient, and sent once as an ordinary notification.
 */
package com.stadium.quota.notification.reminder;
