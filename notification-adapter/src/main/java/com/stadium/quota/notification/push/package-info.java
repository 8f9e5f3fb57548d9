/**
 * Push to the app: the devices holders register (a native app's token or a browser's Web Push subscription), one
 * provider per kind of device (Web Push for browsers; a recording one for the native app until FCM/APNs), and the
 * pushes that accompany each mailed message, stored and retried like the mail.
 */
package com.stadium.quota.notification.push;
