/** Sponsor tracking for admins: per quota of a match, the invitation's use and what became of the tickets. */
package com.stadium.quota.quotaservice.tracking;
