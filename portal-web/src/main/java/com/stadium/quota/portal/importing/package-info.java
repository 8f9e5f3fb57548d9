/**
 * The admins' CSV import wizard over quota-service's import API: template, upload, the report with each line's
 * errors and seat preview, decisions on repeats, confirm, the allocation's progress by server-sent events, history.
 */
package com.stadium.quota.portal.importing;
