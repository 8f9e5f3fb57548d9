/** The admins' quota pages: the searchable list, one quota with its actions, creating one, cancelling. */
package com.stadium.quota.portal.quotas;
