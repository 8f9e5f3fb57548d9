/**
 * The race protection's test switch: what keeps two requests from taking one ticket (the quota's turn in this
 * instance, its row lock, the rows' version checks) can be turned off in tests and benchmarks, to show that the
 * concurrency proof fails without it. Refused at start in any profile but dev and test.
 */
package com.stadium.quota.quotaservice.race;
