/**
 * CSV imports: up to 50 quotas (or quota groups) from one file, checked line by line and previewed first, then
 * created together or not at all; the import keeps its report and shows the allocation's progress.
 */
package com.stadium.quota.quotaservice.importing;
