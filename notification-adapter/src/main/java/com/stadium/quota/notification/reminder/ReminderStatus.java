package com.stadium.quota.notification.reminder;

/** SCHEDULED until due; SENT once its notification exists; CANCELLED when nothing is left to remind of. */
public enum ReminderStatus {
    SCHEDULED,
    SENT,
    CANCELLED
}
