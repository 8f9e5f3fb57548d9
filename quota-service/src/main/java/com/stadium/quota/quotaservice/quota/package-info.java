/** Quotas: blocks of seats of one match given to one holder, their state and the admin API over them. */
package com.stadium.quota.quotaservice.quota;
