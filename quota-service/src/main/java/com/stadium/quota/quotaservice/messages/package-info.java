/** Messages the suite asks notification-adapter to send on an admin's request (e.g. a check that mail gets out). */
package com.stadium.quota.quotaservice.messages;
