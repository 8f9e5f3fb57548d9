/** Demo data for local running: the generated stadium and three upcoming matches, loaded once when absent. */
package com.stadium.quota.allocation.demo;
