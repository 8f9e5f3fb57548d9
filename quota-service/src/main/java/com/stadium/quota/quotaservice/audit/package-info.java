/** The audit log: who did what to which quota and when, with the holder acted for when an admin masquerades. */
package com.stadium.quota.quotaservice.audit;
