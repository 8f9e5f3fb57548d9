/** What every page of the portal shares: the club's settings, language and formats, and the refusal and outage pages. */
package com.stadium.quota.portal.web;
