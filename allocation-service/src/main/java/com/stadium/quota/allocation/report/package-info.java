/**
 * The seat-quality report of every allocation (DESIGN.md, "Seat-quality report"): how it seated the group, the
 * inputs to replay it, and the replay that recomputes it from those inputs.
 */
package com.stadium.quota.allocation.report;
