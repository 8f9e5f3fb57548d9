/** Measurements of allocation speed, run on demand; results and the machine go into docs/benchmarks.md. */
package com.stadium.quota.benchmarks;
