/**
 * Sponsor tracking for admins: per quota and sub-recipient of a match, how the invitation was delivered (from
 * notification-adapter), whether its link was used and what became of the tickets (from quota-service), and the
 * "invited but never opened" follow-up list with its CSV export.
 */
package com.stadium.quota.portal.tracking;
