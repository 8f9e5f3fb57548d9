/**
 * Quotas: the {@code Quota} aggregate (a block of seats of one match for one holder, with its tickets and claims) that
 * owns every status change and the rules behind it, its repository, creation and the admin API over quotas.
 */
package com.stadium.quota.quotaservice.quota;
