/** quota-service's side of allocation: asking allocation-service for seats, reading its answers and its matches. */
package com.stadium.quota.quotaservice.allocation;
