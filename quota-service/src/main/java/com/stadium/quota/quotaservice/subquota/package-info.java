/** Subquotas: tickets a holder with the delegate permission passes to someone else, and takes back. */
package com.stadium.quota.quotaservice.subquota;
