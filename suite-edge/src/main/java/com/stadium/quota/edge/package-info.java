/**
 * What every HTTP application of the suite does at its edge: each request gets a correlation id (the caller's, or a
 * new one) that is in every log line (MDC), on the answer, in refusals and error pages as "reference", and on every
 * call this application makes to another service.
 */
package com.stadium.quota.edge;
