/** Cancelling a quota or a quota group with its subquotas: "unfulfilled only" or "all unused" (DESIGN.md). */
package com.stadium.quota.quotaservice.cancellation;
