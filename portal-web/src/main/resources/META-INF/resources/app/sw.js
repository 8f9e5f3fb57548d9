// The app's service worker: the shell works offline, saved tickets and their QR codes open without a network,
// and pushes are shown and open the right quota.
const SHELL = 'quota-app-shell-v1';
const TICKETS = 'quota-app-tickets';
const SHELL_FILES = ['/app/', '/app/app.js', '/app/app.css', '/css/portal.css', '/app/manifest.webmanifest',
  '/app/config.json', '/app/icons/icon-192.png'];

self.addEventListener('install', event => {
  event.waitUntil(caches.open(SHELL).then(cache => cache.addAll(SHELL_FILES)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', event => {
  event.waitUntil(caches.keys()
    .then(keys => Promise.all(keys.filter(k => k !== SHELL && k !== TICKETS).map(k => caches.delete(k))))
    .then(() => self.clients.claim()));
});

// network first, so a new version lands at once; the cached copy when there is no network
async function networkFirst(request, cacheName, fallback) {
  try {
    const response = await fetch(request);
    if (response.ok && cacheName) {
      const copy = response.clone();
      caches.open(cacheName).then(cache => cache.put(fallback || request, copy));
    }
    return response;
  } catch (offline) {
    const cached = await caches.match(fallback || request);
    if (cached) {
      return cached;
    }
    throw offline;
  }
}

// saved tickets never change: the cache answers, the network only when a code was not saved yet
async function cacheFirst(request) {
  const cached = await caches.match(request);
  if (cached) {
    return cached;
  }
  const response = await fetch(request);
  if (response.ok) {
    const copy = response.clone();
    caches.open(TICKETS).then(cache => cache.put(request, copy));
  }
  return response;
}

self.addEventListener('fetch', event => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin || url.pathname === '/app/live') {
    return;
  }
  if (request.mode === 'navigate' && url.pathname.startsWith('/app/')) {
    // every page of the app is the same shell
    event.respondWith(networkFirst(request, SHELL, '/app/'));
  } else if (url.pathname.startsWith('/app/qr/')) {
    event.respondWith(cacheFirst(request));
  } else if (url.pathname === '/app/offline/tickets.json') {
    event.respondWith(caches.match(request).then(r => r || new Response('null', {
      status: 404, headers: {'Content-Type': 'application/json'}})));
  } else if (SHELL_FILES.includes(url.pathname) || url.pathname.startsWith('/app/icons/')) {
    event.respondWith(networkFirst(request, SHELL));
  }
});

self.addEventListener('push', event => {
  let message = {};
  try {
    message = event.data ? event.data.json() : {};
  } catch (notJson) {
    message = {body: event.data ? event.data.text() : ''};
  }
  event.waitUntil(self.registration.showNotification(message.title || 'Tickets', {
    body: message.body || '',
    icon: '/app/icons/icon-192.png',
    tag: message.notificationId || undefined,
    data: {url: message.url || '/app/'}
  }));
});

self.addEventListener('notificationclick', event => {
  event.notification.close();
  const target = new URL((event.notification.data && event.notification.data.url) || '/app/', self.location.origin);
  // only the app's own pages: a push never opens another site
  const url = target.origin === self.location.origin && target.pathname.startsWith('/app/') ? target.href : '/app/';
  event.waitUntil(self.clients.matchAll({type: 'window', includeUncontrolled: true}).then(windows => {
    const open = windows.find(w => new URL(w.url).pathname.startsWith('/app/'));
    if (open) {
      return open.navigate(url).then(w => (w || open).focus());
    }
    return self.clients.openWindow(url);
  }));
});
