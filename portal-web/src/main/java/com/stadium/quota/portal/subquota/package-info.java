/** "Send tickets to someone else": passing unclaimed tickets on to a guest, with a confirmation step, and taking them back. */
package com.stadium.quota.portal.subquota;
