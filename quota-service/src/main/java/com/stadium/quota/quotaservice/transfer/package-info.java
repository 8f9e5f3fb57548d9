/**
 * Re-assignment (issue 21): the holder of a transferable quota gives a sold ticket to another attendee until a
 * cutoff before kick-off; the old code is void, both attendees are told, the audit log names who did it.
 */
package com.stadium.quota.quotaservice.transfer;
