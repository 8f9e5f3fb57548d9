/** Email: Qute templates (HTML and text, one shared layout) and sending through Quarkus Mailer. */
package com.stadium.quota.notification.email;
