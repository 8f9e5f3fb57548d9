// The club's ticket app: a small page script over quota-service's holder API, signed in with the holder's own
// token (Keycloak client quota-app, PKCE). No framework and no build step; every text goes in as text, never as HTML.
const TOKENS = 'quota-app.tokens';
const PKCE = 'quota-app.pkce';
const TICKETS = 'quota-app-tickets';
const OFFLINE = '/app/offline/tickets.json';
const STATUS = {ALLOCATED: '○ Not claimed yet', RESERVED: '◐ Reserved', SOLD: '✓ Yours', CANCELLED: '✕ Cancelled'};
const CONFLICT = 'These tickets were changed a moment ago, perhaps on the web portal or by the person you sent '
  + 'them to. Here they are as they are now.';

let config;
let flash = null;
/** The notice on the page now and the page's path: {path, notice}. */
let kept = null;
let view = {kind: null, quotaId: null};

// ------------------------------------------------------------------ small helpers

function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === false || value === null || value === undefined) {
      continue;
    }
    if (key.startsWith('on')) {
      el.addEventListener(key.slice(2), value);
    } else if (key === 'class') {
      el.className = value;
    } else {
      el.setAttribute(key, value === true ? '' : value);
    }
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined && child !== false) {
      el.append(child instanceof Node ? child : String(child));
    }
  }
  return el;
}

function show(...nodes) {
  const main = document.getElementById('main');
  // a redraw of the same page (a live change, the app back in front) keeps what the holder was just told
  const notice = flash || (kept && kept.path === location.pathname ? kept.notice : null);
  flash = null;
  kept = notice ? {path: location.pathname, notice} : null;
  main.replaceChildren(...[notice, ...nodes].flat(Infinity).filter(n => n !== null && n !== undefined && n !== false));
}

function notice(text, kind, id) {
  return h('p', {class: 'notice' + (kind ? ' ' + kind : ''), role: kind === 'error' ? 'alert' : 'status', id}, text);
}

function when(iso) {
  return iso ? new Intl.DateTimeFormat('en-GB', {timeZone: config.timeZone, weekday: 'short', day: 'numeric',
    month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit'}).format(new Date(iso)) : '';
}

function money(cents, currency) {
  return new Intl.NumberFormat('en-GB', {style: 'currency', currency: currency || 'EUR'}).format(cents / 100);
}

function seat(t) {
  return `Sector ${t.sector} · Row ${t.row} · Seat ${t.seat}`;
}

function plural(n, one, many) {
  return `${n} ${n === 1 ? one : many}`;
}

function base64url(bytes) {
  return btoa(String.fromCharCode(...new Uint8Array(bytes))).replace(/\+/g, '-').replace(/\//g, '_')
    .replace(/=+$/, '');
}

function fromBase64url(text) {
  const b64 = text.replace(/-/g, '+').replace(/_/g, '/') + '==='.slice((text.length + 3) % 4);
  return Uint8Array.from(atob(b64), c => c.charCodeAt(0));
}

function randomText(bytes) {
  return base64url(crypto.getRandomValues(new Uint8Array(bytes)));
}

function sleep(ms) {
  return new Promise(resolve => setTimeout(resolve, ms));
}

// ------------------------------------------------------------------ sign-in: deeplink or password, both with PKCE

class SignedOut extends Error {
}

class ApiError extends Error {
  constructor(status, problem) {
    super((problem && problem.title) || 'HTTP ' + status);
    this.status = status;
    this.problem = problem || {};
  }

  violation(field) {
    return (this.problem.violations || []).find(v => v.field === field);
  }
}

function tokens() {
  try {
    return JSON.parse(localStorage.getItem(TOKENS));
  } catch (broken) {
    return null;
  }
}

function claimsOf(jwt) {
  const json = new TextDecoder().decode(fromBase64url(jwt.split('.')[1]));
  return JSON.parse(json);
}

function saveTokens(answer) {
  const about = claimsOf(answer.id_token || answer.access_token);
  const now = Date.now();
  localStorage.setItem(TOKENS, JSON.stringify({
    access: answer.access_token, refresh: answer.refresh_token, idToken: answer.id_token,
    expiresAt: now + answer.expires_in * 1000, email: about.email, name: about.name || about.email
  }));
  scheduleRefresh();
}

function forget() {
  localStorage.removeItem(TOKENS);
}

async function challengeOf(verifier) {
  return base64url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
}

async function tokenRequest(params) {
  const response = await fetch(config.realmUrl + '/protocol/openid-connect/token', {
    method: 'POST', headers: {'Content-Type': 'application/x-www-form-urlencoded'},
    body: new URLSearchParams({client_id: config.clientId, ...params})
  });
  if (!response.ok) {
    throw new SignedOut('Keycloak refused: ' + response.status);
  }
  return response.json();
}

/** The invitation token from what the holder pasted: the mail's link, or the token alone. */
function linkToken(text) {
  const value = (text || '').trim();
  const at = value.indexOf('/invitation/');
  const token = at >= 0 ? value.slice(at + '/invitation/'.length).split(/[?#/]/)[0] : value;
  try {
    return decodeURIComponent(token);
  } catch (bad) {
    return token;
  }
}

async function redeem(token) {
  show(h('p', {class: 'muted'}, 'Opening your link…'));
  const verifier = randomText(32);
  const state = randomText(16);
  let answer;
  try {
    answer = await fetch(config.quotaServiceUrl + '/api/invitations/redeem', {
      method: 'POST', headers: {'Content-Type': 'application/json'},
      body: JSON.stringify({token, clientId: config.clientId, redirectUri: config.redirectUri,
        codeChallenge: await challengeOf(verifier), codeChallengeMethod: 'S256', state})
    });
  } catch (offline) {
    return signInPage('You are offline: the link can only be opened with a network.');
  }
  if (answer.status === 404 || answer.status === 400) {
    return signInPage('This link is not valid (any more). Ask the club for a new one.');
  }
  if (!answer.ok) {
    return signInPage('Signing in does not work just now. Please try again in a minute.');
  }
  const signedIn = await answer.json();
  if (signedIn.state !== state) {
    return signInPage('Signing in went wrong. Please open your link again.');
  }
  saveTokens(await tokenRequest({grant_type: 'authorization_code', code: signedIn.code,
    redirect_uri: config.redirectUri, code_verifier: verifier}));
  history.replaceState(null, '', '/app/quotas/' + signedIn.quotaId);
  startLive();
  return route();
}

async function passwordSignIn() {
  const verifier = randomText(32);
  const state = randomText(16);
  sessionStorage.setItem(PKCE, JSON.stringify({verifier, state}));
  location.assign(config.realmUrl + '/protocol/openid-connect/auth?' + new URLSearchParams({
    client_id: config.clientId, response_type: 'code', scope: 'openid', redirect_uri: config.redirectUri, state,
    code_challenge: await challengeOf(verifier), code_challenge_method: 'S256'
  }));
}

async function signedInFromKeycloak() {
  const params = new URLSearchParams(location.search);
  const started = JSON.parse(sessionStorage.getItem(PKCE) || 'null');
  sessionStorage.removeItem(PKCE);
  if (!started || !params.get('code') || params.get('state') !== started.state) {
    return signInPage('Signing in went wrong. Please try again.');
  }
  saveTokens(await tokenRequest({grant_type: 'authorization_code', code: params.get('code'),
    redirect_uri: config.redirectUri, code_verifier: started.verifier}));
  history.replaceState(null, '', '/app/');
  startLive();
  return route();
}

let refreshing = null;
let refreshTimer = null;

/** A new access token from the refresh token; null when the session has ended (the holder signs in again). */
function refresh() {
  if (!refreshing) {
    refreshing = (async () => {
      const held = tokens();
      if (!held || !held.refresh) {
        return null;
      }
      try {
        const answer = await tokenRequest({grant_type: 'refresh_token', refresh_token: held.refresh});
        saveTokens(answer);
        return answer.access_token;
      } catch (e) {
        if (e instanceof SignedOut) {
          forget();
          return null;
        }
        throw e;
      }
    })().finally(() => {
      refreshing = null;
    });
  }
  return refreshing;
}

// silently, a minute before the access token ends, so pages never wait for it
function scheduleRefresh() {
  clearTimeout(refreshTimer);
  const held = tokens();
  if (held) {
    refreshTimer = setTimeout(() => refresh().catch(() => null).then(scheduleRefresh),
      Math.max(5000, held.expiresAt - Date.now() - 60000));
  }
}

async function accessToken() {
  const held = tokens();
  if (!held) {
    return null;
  }
  return Date.now() < held.expiresAt - 20000 ? held.access : refresh();
}

async function api(method, path, body, base) {
  let token = await accessToken();
  if (!token) {
    throw new SignedOut();
  }
  const send = bearer => fetch((base || config.quotaServiceUrl) + path, {
    method, body: body === undefined ? undefined : JSON.stringify(body),
    headers: {Authorization: 'Bearer ' + bearer, Accept: 'application/json',
      ...(body === undefined ? {} : {'Content-Type': 'application/json'})}
  });
  let response = await send(token);
  if (response.status === 401) {
    token = await refresh();
    if (!token) {
      throw new SignedOut();
    }
    response = await send(token);
  }
  const text = await response.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch (notJson) {
    json = null;
  }
  if (!response.ok) {
    throw new ApiError(response.status, json);
  }
  return json;
}

// ------------------------------------------------------------------ offline tickets

async function savedTickets() {
  try {
    const response = await fetch(OFFLINE);
    return response.ok ? await response.json() : null;
  } catch (none) {
    return null;
  }
}

/** Keeps the holder's SOLD tickets of a quota, and their QR codes, for the gate. */
async function keepOffline(quota, tickets) {
  if (!('caches' in window)) {
    return;
  }
  const held = tokens();
  const saved = await savedTickets();
  const store = saved && held && saved.email === held.email ? saved : {email: held && held.email, quotas: {}};
  const sold = tickets.filter(t => t.status === 'SOLD');
  if (sold.length) {
    store.quotas[quota.id] = {matchName: quota.matchName, kickoff: quota.kickoff, tickets: sold};
  } else {
    delete store.quotas[quota.id];
  }
  store.savedAt = new Date().toISOString();
  const cache = await caches.open(TICKETS);
  await Promise.all(sold.map(t => cache.match(qrUrl(t)).then(hit => hit || cache.add(qrUrl(t)))));
  await cache.put(OFFLINE, new Response(JSON.stringify(store), {headers: {'Content-Type': 'application/json'}}));
  // a re-assigned ticket's old code is void: its picture goes, so the gate never sees it
  const current = new Set(Object.values(store.quotas).flatMap(q => q.tickets)
    .map(t => new URL(qrUrl(t), location.href).href));
  const stale = (await cache.keys()).filter(r => new URL(r.url).pathname.startsWith('/app/qr/') && !current.has(r.url));
  await Promise.all(stale.map(r => cache.delete(r)));
}

/** The picture of the ticket's signed code (its id for an answer without one); a new code is a new address. */
function qrUrl(ticket) {
  return '/app/qr/' + ticket.id + '.svg' + (ticket.code ? '?code=' + encodeURIComponent(ticket.code) : '');
}

function ticketWithQr(t, matchName, quota) {
  const card = h('li', {class: 'card ticket ticket-card status-SOLD', 'data-ticket': t.id, 'data-status': 'SOLD'},
    matchName ? h('p', {}, h('strong', {}, matchName)) : null,
    h('p', {class: 'seat'}, seat(t)),
    t.attendeeName ? h('p', {class: 'attendee'}, 'For ' + t.attendeeName) : null,
    h('img', {class: 'qr', src: qrUrl(t), alt: 'QR code of the ticket, ' + seat(t), width: 280, height: 280}));
  if (quota && quota.permissions.transferable && t.reassignable) {
    card.append(h('p', {class: 'actions'}, h('button', {type: 'button', class: 'button small secondary',
      id: 'reassign-' + t.id, 'aria-label': 'Change attendee of ' + seat(t),
      onclick: () => reassignForm(quota, t, card)}, 'Change attendee')));
  }
  return card;
}

// ------------------------------------------------------------------ pages

function signInPage(problem) {
  view = {kind: 'sign-in'};
  document.getElementById('app-nav').hidden = true;
  const field = h('input', {type: 'url', id: 'link', name: 'link', required: true, autocomplete: 'off',
    placeholder: config.portalUrl + '/invitation/…', 'aria-describedby': 'link-hint'});
  show(
    h('h1', {}, 'Your tickets of ' + config.clubName),
    problem ? notice(problem, 'error', 'sign-in-problem') : null,
    h('form', {class: 'app-form', id: 'open-link', onsubmit: e => {
      e.preventDefault();
      redeem(linkToken(field.value));
    }},
    h('label', {for: 'link'}, 'Your invitation link'),
    h('p', {class: 'hint muted small', id: 'link-hint'},
      'Copy the link from the club\'s mail (long-press it) and paste it here.'),
    field,
    h('p', {class: 'actions'}, h('button', {type: 'submit', class: 'button', id: 'open'}, 'Open my tickets'))),
    h('p', {}, 'You have a password? ', h('button', {type: 'button', class: 'button secondary small',
      id: 'password-sign-in', onclick: passwordSignIn}, 'Sign in with it')),
    h('p', {}, h('a', {href: '/app/tickets'}, 'My saved tickets (also offline)')));
}

function problemPage(error) {
  if (error instanceof SignedOut) {
    return signInPage('Your session has ended. Please sign in again with your link.');
  }
  if (error instanceof ApiError && error.status === 404) {
    return show(h('h1', {id: 'not-found'}, 'Not found'),
      h('p', {}, 'There is no such quota among yours. Perhaps it was cancelled, or the link belongs to someone else.'),
      h('p', {}, h('a', {href: '/app/', class: 'button'}, 'My quotas')));
  }
  if (error instanceof ApiError && error.status === 403) {
    return show(h('h1', {id: 'not-a-holder'}, 'No tickets here'),
      h('p', {}, 'You are signed in with an account that holds no tickets (not a ticket holder\'s). '
        + 'Sign out and open your invitation link.'));
  }
  if (error instanceof TypeError) {
    return show(h('h1', {}, 'You are offline'),
      h('p', {}, 'This page needs a network. Your saved tickets open without one.'),
      h('p', {}, h('a', {href: '/app/tickets', class: 'button'}, 'My saved tickets')));
  }
  console.error(error);
  return show(h('h1', {}, 'Something went wrong'), h('p', {}, 'Please try again in a minute.'));
}

function counts(ticketCounts) {
  return h('dl', {class: 'counts'}, Object.entries(ticketCounts || {}).filter(([, n]) => n > 0)
    .map(([status, n]) => h('div', {}, h('dt', {}, STATUS[status] || status), h('dd', {'data-count': status}, n))));
}

async function quotasPage() {
  view = {kind: 'quotas'};
  const quotas = await api('GET', '/api/holder/quotas');
  const byMatch = new Map();
  for (const q of quotas) {
    if (!byMatch.has(q.matchId)) {
      byMatch.set(q.matchId, []);
    }
    byMatch.get(q.matchId).push(q);
  }
  show(h('h1', {}, 'My quotas'),
    quotas.length ? null : h('p', {}, 'You have no tickets yet.'),
    [...byMatch.values()].map(list => h('section', {class: 'match'},
      h('h2', {}, list[0].matchName), h('p', {class: 'kickoff'}, when(list[0].kickoff)),
      list.map(q => h('a', {class: 'quota quota-link', href: '/app/quotas/' + q.id, 'data-quota': q.id},
        h('h3', {}, plural(q.quantity, 'ticket', 'tickets') + (q.received ? ' sent to you' : '')),
        q.receivedFrom ? h('p', {class: 'received'}, 'Sent to you by ' + q.receivedFrom.name) : null,
        counts(q.ticketCounts))))),
    pushSection());
}

function pushSection() {
  if (!('PushManager' in window) || !('Notification' in window) || !('serviceWorker' in navigator)) {
    return null;
  }
  const status = h('p', {id: 'push-status', role: 'status'},
    Notification.permission === 'granted' ? 'Notifications are on for this phone.' : '');
  return h('section', {class: 'match'}, h('h2', {}, 'Notifications'),
    h('p', {}, 'Get a message on this phone when your tickets are confirmed, sent to you or taken back.'),
    h('button', {type: 'button', class: 'button secondary', id: 'enable-push', onclick: () => enablePush(status)},
      'Turn on notifications'), status);
}

async function enablePush(status) {
  try {
    if (await Notification.requestPermission() !== 'granted') {
      status.textContent = 'Notifications are blocked for this app; allow them in the phone\'s settings.';
      return;
    }
    const registration = await navigator.serviceWorker.ready;
    const key = await api('GET', '/api/devices/web-push', undefined, config.notificationAdapterUrl);
    const subscription = await registration.pushManager.subscribe({userVisibleOnly: true,
      applicationServerKey: fromBase64url(key.publicKey)});
    await api('POST', '/api/devices', {platform: 'WEB', subscription: subscription.toJSON()}, config.notificationAdapterUrl);
    status.textContent = 'Notifications are on for this phone.';
  } catch (e) {
    status.textContent = 'Notifications could not be turned on here (' + (e.message || e) + ').';
  }
}

function ticketCard(t, quota) {
  if (t.status === 'SOLD') {
    return ticketWithQr(t, null, quota);
  }
  return h('li', {class: 'card status-' + t.status, 'data-ticket': t.id, 'data-status': t.status},
    h('p', {class: 'seat'}, seat(t)),
    h('p', {class: 'meta'}, t.category || '', ' ', t.priceCents ? money(t.priceCents) : 'free'),
    h('p', {class: 'badge badge-' + t.status}, STATUS[t.status] || t.status),
    t.status === 'RESERVED' && t.holdExpiresAt ? h('p', {class: 'hold'}, 'Held until ' + when(t.holdExpiresAt)) : null,
    t.attendeeName ? h('p', {class: 'attendee'}, 'For ' + t.attendeeName) : null);
}

async function quotaPage(id) {
  view = {kind: 'quota', quotaId: id};
  let detail;
  try {
    detail = await api('GET', '/api/holder/quotas/' + encodeURIComponent(id));
  } catch (e) {
    if (e instanceof TypeError) {
      return ticketsPage(true);
    }
    throw e;
  }
  const q = detail.quota;
  const free = detail.tickets.filter(t => t.status === 'ALLOCATED').length;
  const sold = detail.tickets.filter(t => t.status === 'SOLD');
  show(h('h1', {}, q.matchName), h('p', {class: 'kickoff'}, when(q.kickoff)),
    q.receivedFrom ? h('p', {class: 'received', 'data-received-from': true}, 'Sent to you by ' + q.receivedFrom.name)
      : null,
    counts(q.ticketCounts),
    h('p', {class: 'actions'},
      q.permissions.claim && free ? h('a', {class: 'button', id: 'claim-link', href: `/app/quotas/${q.id}/claim`},
        'Claim tickets') : null,
      q.permissions.delegate && free ? h('a', {class: 'button secondary', id: 'send-link',
        href: `/app/quotas/${q.id}/send`}, 'Send tickets to someone') : null),
    sold.length ? h('h2', {}, 'Your tickets') : null,
    sold.length ? h('p', {class: 'muted small'}, 'Saved on this phone: they open at the gate without a network.')
      : null,
    h('ul', {class: 'cards app-cards', id: 'tickets'}, [...sold, ...detail.tickets.filter(t => t.status !== 'SOLD')]
      .map(t => ticketCard(t, q))),
    q.subquotas && q.subquotas.length ? subquotasSection(q) : null);
  await keepOffline(q, detail.tickets);
}

function subquotasSection(q) {
  return h('section', {}, h('h2', {}, 'Sent to others'),
    h('ul', {class: 'subquotas-list'}, q.subquotas.map(s => {
      const claimed = s.ticketCounts.SOLD || 0;
      const open = (s.ticketCounts.ALLOCATED || 0) + (s.ticketCounts.RESERVED || 0);
      const line = h('li', {'data-subquota': s.id},
        h('p', {}, `${s.recipientName} <${s.recipientEmail}>: ${claimed} claimed, ${open} not claimed yet`));
      if (s.ticketCounts.ALLOCATED) {
        line.append(h('button', {type: 'button', class: 'button small secondary', onclick: () => confirmRetract(q, s,
          line)}, 'Take back'));
      }
      return line;
    })));
}

function confirmRetract(q, s, line) {
  const back = s.ticketCounts.ALLOCATED || 0;
  line.replaceChildren(h('p', {'data-come-back': true},
    `Take back ${plural(back, 'unclaimed ticket', 'unclaimed tickets')} from ${s.recipientName}? `
    + 'Tickets they have already claimed stay with them.'),
  h('p', {class: 'actions'},
    h('button', {type: 'button', class: 'button danger', id: 'retract', onclick: () => retract(q, s)},
      'Take them back'),
    h('button', {type: 'button', class: 'button secondary', onclick: () => route()}, 'Keep them there')));
  line.querySelector('#retract').focus();
}

async function retract(q, s) {
  try {
    const before = s.ticketCounts.ALLOCATED || 0;
    await api('POST', `/api/holder/quotas/${q.id}/subquotas/${s.id}/retraction`);
    flash = notice(`${plural(before, 'ticket is', 'tickets are')} back with you from ${s.recipientName}.`, 'ok',
      'done');
  } catch (e) {
    flash = conflictOr(e);
  }
  return quotaPage(q.id);
}

// --- change the attendee of a sold ticket (a transferable quota): the form takes the card's place

function reassignForm(quota, t, card, error, values) {
  const v = values || {};
  const input = (field, label, type) => {
    const problem = error && error.violation(field);
    return [h('label', {for: 'reassign-' + field}, label),
      h('input', {id: 'reassign-' + field, name: field, type, value: v[field] || '', required: true,
        autocomplete: 'off', 'aria-invalid': problem ? 'true' : null,
        'aria-describedby': problem ? 'reassign-' + field + '-error' : null}),
      problem ? h('p', {class: 'field-error', id: 'reassign-' + field + '-error'}, problem.message) : null];
  };
  const other = error ? (error.problem.violations || []).filter(x => !['name', 'email'].includes(x.field)) : [];
  const form = h('form', {class: 'app-form', id: 'reassign-form', 'data-editing': true, onsubmit: async e => {
    e.preventDefault();
    const data = Object.fromEntries(new FormData(form));
    try {
      const changed = await api('PUT', `/api/holder/quotas/${quota.id}/tickets/${t.id}/attendee`,
        {name: data.name, email: data.email, attendeeVersion: t.attendeeVersion});
      flash = notice(`Seat ${changed.sector} ${changed.row} ${changed.seat} now belongs to ${changed.attendeeName}; `
        + `we emailed them the ticket and told ${t.attendeeName || 'the previous attendee'} it was passed on.`, 'ok',
      'done');
    } catch (err) {
      if (err instanceof ApiError && err.status === 400) {
        return reassignForm(quota, t, card, err, data);
      }
      flash = err instanceof ApiError && err.status === 403
        ? notice('The attendee of this ticket cannot be changed.', 'error', 'refused') : conflictOr(err);
    }
    return quotaPage(quota.id);
  }},
  h('p', {class: 'seat'}, seat(t)),
  h('p', {}, 'Who uses this ticket now? They get it by mail with a new QR code; the code '
    + (t.attendeeName || 'on this phone') + ' has now stops working.'),
  input('name', 'Their name', 'text'),
  input('email', 'Their email', 'email'),
  other.length ? notice(other.map(x => x.message).join('; '), 'error', 'reassign-problem') : null,
  h('p', {class: 'actions'}, h('button', {type: 'submit', class: 'button', id: 'reassign'}, 'Pass the ticket on'),
    h('button', {type: 'button', class: 'button secondary', onclick: () => route()}, 'Keep it')));
  card.replaceChildren(form);
  (form.querySelector('[aria-invalid=true]') || form.querySelector('input')).focus();
}

/** The notice for a refusal: a 409 in plain words (the page then shows the fresh state), otherwise the reasons. */
function conflictOr(e) {
  if (e instanceof ApiError && e.status === 409) {
    return notice(CONFLICT, 'error', 'conflict');
  }
  if (e instanceof ApiError && e.status === 400) {
    return notice((e.problem.violations || []).map(v => v.message).join('; ') || e.message, 'error', 'refused');
  }
  throw e;
}

// --- claim: select → who each ticket is for → payment (the sandbox locally), as on the web portal

async function claimPage(id) {
  view = {kind: 'claim', quotaId: id};
  const params = new URLSearchParams(location.search);
  if (params.get('claim')) {
    return claimOutcome(id, params.get('claim'), params.get('payment'));
  }
  const detail = await api('GET', '/api/holder/quotas/' + encodeURIComponent(id));
  const free = detail.tickets.filter(t => t.status === 'ALLOCATED');
  const form = h('form', {class: 'app-form', id: 'select', onsubmit: async e => {
    e.preventDefault();
    const ticketIds = [...form.querySelectorAll('input[name=ticket]:checked')].map(box => box.value);
    try {
      const claim = await api('POST', `/api/holder/quotas/${id}/claims`, {ticketIds});
      attendeesStep(detail.quota, claim);
    } catch (err) {
      flash = conflictOr(err);
      claimPage(id);
    }
  }},
  h('fieldset', {}, h('legend', {}, 'Which tickets do you want?'),
    free.map(t => h('label', {class: 'pick'}, h('input', {type: 'checkbox', name: 'ticket', value: t.id}),
      h('span', {}, seat(t), ' — ', t.priceCents ? money(t.priceCents) : 'free')))),
  h('p', {class: 'actions'}, h('button', {type: 'submit', class: 'button', id: 'continue'}, 'Continue'),
    h('a', {href: '/app/quotas/' + id}, 'Back')));
  show(h('h1', {}, 'Claim tickets'), h('p', {class: 'kickoff'}, detail.quota.matchName + ' · ' +
    when(detail.quota.kickoff)),
  free.length ? form : h('p', {id: 'none-free'}, 'No tickets are left to claim.'),
  free.length ? null : h('p', {}, h('a', {href: '/app/quotas/' + id, class: 'button'}, 'Back to the quota')));
}

function attendeesStep(quota, claim, error) {
  const me = tokens();
  const fields = claim.tickets.map((t, i) => {
    const name = h('input', {type: 'text', id: 'name-' + i, autocomplete: 'off', required: true});
    const email = h('input', {type: 'email', id: 'email-' + i, autocomplete: 'off', required: true});
    const mine = h('input', {type: 'checkbox', id: 'me-' + i, onchange: () => {
      if (mine.checked) {
        // one ticket at most is the holder's own
        fields.forEach(f => f !== row && f.mine.checked && (f.mine.checked = false, f.name.disabled = false,
          f.email.disabled = false));
        name.value = me.name;
        email.value = me.email;
      }
      name.disabled = mine.checked;
      email.disabled = mine.checked;
    }});
    const nameError = error && error.violation(`attendees[${i}].name`);
    const emailError = error && error.violation(`attendees[${i}].email`);
    const row = {ticket: t, name, email, mine, node: h('fieldset', {class: 'attendee'}, h('legend', {}, seat(t)),
      h('label', {class: 'pick'}, mine, h('span', {}, 'This ticket is for me')),
      h('label', {for: 'name-' + i}, 'Name'), name,
      nameError ? h('p', {class: 'field-error', id: `name-${i}-error`}, nameError.message) : null,
      h('label', {for: 'email-' + i}, 'Email'), email,
      emailError ? h('p', {class: 'field-error', id: `email-${i}-error`}, emailError.message) : null)};
    return row;
  });
  const free = claim.amountCents === 0;
  show(h('h1', {}, 'Who are the tickets for?'),
    h('p', {id: 'hold'}, 'The tickets are held for you until ' + when(claim.holdExpiresAt) + '.'),
    error ? notice((error.problem.violations || []).filter(v => !String(v.field).startsWith('attendees['))
      .map(v => v.message).join('; ') || 'Please check the names and emails below.', 'error', 'attendees-problem')
      : null,
    h('form', {class: 'app-form', id: 'attendees', onsubmit: async e => {
      e.preventDefault();
      const attendees = fields.map(f => ({ticketId: f.ticket.id, name: f.name.value, email: f.email.value}));
      try {
        const next = await api('PUT', `/api/holder/quotas/${quota.id}/claims/${claim.id}/attendees`, {attendees});
        return next.step === 'COMPLETED' ? claimOutcome(quota.id, next.id) : paymentStep(quota, next);
      } catch (err) {
        if (err instanceof ApiError && err.status === 400) {
          return attendeesStep(quota, claim, err);
        }
        flash = conflictOr(err);
        return claimPage(quota.id);
      }
    }}, fields.map(f => f.node),
    h('p', {class: 'actions'}, h('button', {type: 'submit', class: 'button', id: 'save-attendees'},
      free ? 'Confirm my free tickets' : 'Continue to payment'),
    h('button', {type: 'button', class: 'button link-like', onclick: () => giveUp(quota.id, claim.id)},
      'Give up the claim'))));
}

function paymentStep(quota, claim) {
  const amount = money(claim.amountCents, claim.currency);
  show(h('h1', {}, 'Payment'),
    h('p', {class: 'kickoff'}, quota.matchName + ' · ' + when(quota.kickoff)),
    h('ul', {id: 'paying-for'}, claim.tickets.map(t => h('li', {}, seat(t),
      t.attendeeName ? ' — for ' + t.attendeeName : ''))),
    h('p', {}, 'Held for you until ' + when(claim.holdExpiresAt) + '.'),
    h('p', {}, 'To pay: ', h('strong', {id: 'amount'}, amount)),
    h('p', {class: 'actions'}, h('button', {type: 'button', class: 'button', id: 'pay', onclick: async () => {
      try {
        const started = await api('POST', `/api/holder/quotas/${quota.id}/claims/${claim.id}/payment`,
          {returnUrl: `${config.portalUrl}/app/quotas/${quota.id}/claim?claim=${claim.id}`});
        location.assign(started.paymentUrl);
      } catch (err) {
        flash = conflictOr(err);
        claimPage(quota.id);
      }
    }}, 'Pay ' + amount),
    h('button', {type: 'button', class: 'button link-like', onclick: () => giveUp(quota.id, claim.id)},
      'Give up the claim')));
}

async function giveUp(quotaId, claimId) {
  try {
    await api('DELETE', `/api/holder/quotas/${quotaId}/claims/${claimId}`);
    flash = notice('You gave the claim up; the tickets are free to claim again.', 'ok', 'given-up');
  } catch (e) {
    flash = conflictOr(e);
  }
  go('/app/quotas/' + quotaId);
}

async function claimOutcome(quotaId, claimId, answer) {
  let claim = await api('GET', `/api/holder/quotas/${quotaId}/claims/${encodeURIComponent(claimId)}`);
  // the payment service answers quota-service a moment after the payer comes back
  for (let i = 0; i < 20 && claim.step === 'PAYMENT_PENDING' && answer !== 'declined'; i++) {
    show(h('p', {class: 'muted'}, 'Waiting for the payment\'s answer…'));
    await sleep(1000);
    claim = await api('GET', `/api/holder/quotas/${quotaId}/claims/${encodeURIComponent(claimId)}`);
  }
  if (claim.step !== 'COMPLETED') {
    return show(h('h1', {}, 'Not paid'),
      notice(claim.releasedBecause ? 'The tickets are free again: ' + claim.releasedBecause.toLowerCase()
        .replace(/_/g, ' ') + '.' : 'The payment has not gone through.', 'error', 'not-paid'),
      h('p', {}, h('a', {class: 'button', href: '/app/quotas/' + quotaId}, 'Back to the quota')));
  }
  const detail = await api('GET', '/api/holder/quotas/' + encodeURIComponent(quotaId));
  await keepOffline(detail.quota, detail.tickets);
  show(h('h1', {id: 'confirmed'}, 'Your tickets are confirmed'),
    h('p', {}, claim.amountCents ? 'Paid ' + money(claim.amountCents, claim.currency) + '.'
      : 'They were free: no payment was needed.', ' They are saved on this phone and open at the gate without a network.'),
    h('ul', {class: 'cards app-cards'}, claim.tickets.map(t => ticketWithQr(t))),
    h('p', {class: 'actions'}, h('a', {class: 'button', id: 'back-to-quota', href: '/app/quotas/' + quotaId},
      'Back to the quota'), h('a', {href: '/app/tickets'}, 'All my tickets')));
  history.replaceState(null, '', `/app/quotas/${quotaId}/claim?claim=${claimId}`);
}

// --- send tickets to someone (a subquota)

async function sendPage(id, error, values) {
  view = {kind: 'send', quotaId: id};
  const detail = await api('GET', '/api/holder/quotas/' + encodeURIComponent(id));
  const free = detail.tickets.filter(t => t.status === 'ALLOCATED').length;
  const v = values || {};
  const input = (field, label, attrs) => {
    const problem = error && error.violation(field);
    return [h('label', {for: field}, label),
      h('input', {id: field, name: field, value: v[field] || '', 'aria-invalid': problem ? 'true' : null,
        'aria-describedby': problem ? field + '-error' : null, ...attrs}),
      problem ? h('p', {class: 'field-error', id: field + '-error'}, problem.message) : null];
  };
  const form = h('form', {class: 'app-form', id: 'send-form', onsubmit: async e => {
    e.preventDefault();
    const data = Object.fromEntries(new FormData(form));
    const body = {recipientName: data.recipientName, recipientEmail: data.recipientEmail,
      tickets: Number(data.tickets), personalMessage: data.personalMessage || null};
    try {
      await api('POST', `/api/holder/quotas/${id}/subquotas`, body);
      flash = notice(`Your tickets were sent to ${data.recipientName}. They get a mail with their own link.`, 'ok',
        'done');
      go('/app/quotas/' + id);
    } catch (err) {
      if (err instanceof ApiError && err.status === 400) {
        return sendPage(id, err, data);
      }
      flash = conflictOr(err);
      return sendPage(id, null, data);
    }
  }},
  input('tickets', `How many (up to ${free})`, {type: 'number', min: 1, max: free, required: true}),
  input('recipientName', 'Their name', {type: 'text', required: true, autocomplete: 'off'}),
  input('recipientEmail', 'Their email', {type: 'email', required: true, autocomplete: 'off'}),
  h('label', {for: 'personalMessage'}, 'A personal message (optional)'),
  h('textarea', {id: 'personalMessage', name: 'personalMessage', rows: 3}, v.personalMessage || ''),
  error && !(error.problem.violations || []).some(x => ['tickets', 'recipientName', 'recipientEmail']
    .includes(x.field)) ? notice(error.message, 'error') : null,
  h('p', {class: 'actions'}, h('button', {type: 'submit', class: 'button', id: 'send'}, 'Send tickets'),
    h('a', {href: '/app/quotas/' + id}, 'Back')));
  show(h('h1', {}, 'Send tickets to someone'), h('p', {class: 'kickoff'}, detail.quota.matchName + ' · '
    + when(detail.quota.kickoff)), h('p', {}, 'They get a mail with their own link and claim the tickets themselves.'),
  form);
}

// --- my tickets: fresh when online, from the phone when not

async function ticketsPage(offline) {
  view = {kind: 'tickets'};
  let store = null;
  let fresh = false;
  if (!offline && tokens()) {
    try {
      const quotas = await api('GET', '/api/holder/quotas');
      for (const q of quotas.filter(x => x.ticketCounts && x.ticketCounts.SOLD)) {
        const detail = await api('GET', '/api/holder/quotas/' + q.id);
        await keepOffline(detail.quota, detail.tickets);
      }
      fresh = true;
    } catch (e) {
      if (!(e instanceof TypeError) && !(e instanceof SignedOut)) {
        throw e;
      }
    }
  }
  store = await savedTickets();
  const quotas = store ? Object.values(store.quotas) : [];
  const label = !store ? null : fresh ? 'Up to date; saved on this phone at ' + when(store.savedAt) + '.'
    : 'Saved at ' + when(store.savedAt) + (navigator.onLine && tokens() === null ? '; sign in to update.'
      : '; you are offline.');
  show(h('h1', {}, 'My tickets'),
    label ? h('p', {class: 'stale notice' + (fresh ? ' ok' : ''), id: 'saved-at'}, label) : null,
    quotas.length ? null : h('p', {id: 'no-tickets'}, 'No confirmed tickets are saved on this phone yet.'),
    quotas.map(q => h('section', {class: 'match'}, h('h2', {}, q.matchName), h('p', {class: 'kickoff'}, when(q.kickoff)),
      h('ul', {class: 'cards app-cards'}, q.tickets.map(t => ticketWithQr(t))))));
}

// ------------------------------------------------------------------ routing, live updates, start

function go(path) {
  kept = null;
  history.pushState(null, '', path);
  route();
}

async function route() {
  const path = location.pathname.replace(/\/+$/, '') || '/app';
  document.getElementById('app-nav').hidden = tokens() === null;
  try {
    if (path === '/app/open') {
      const token = location.hash ? location.hash.slice(1) : new URLSearchParams(location.search).get('link');
      // the token never stays in the address bar or the history
      history.replaceState(null, '', '/app/open');
      return token ? redeem(linkToken(token)) : signInPage();
    }
    if (path === '/app/signed-in') {
      return signedInFromKeycloak();
    }
    if (path === '/app/tickets') {
      return await ticketsPage(!navigator.onLine);
    }
    if (path === '/app/sign-in' || tokens() === null) {
      return signInPage();
    }
    const quota = path.match(/^\/app\/quotas\/([^/]+)(?:\/(claim|send))?$/);
    if (quota && quota[2] === 'claim') {
      return await claimPage(quota[1]);
    }
    if (quota && quota[2] === 'send') {
      return await sendPage(quota[1]);
    }
    if (quota) {
      return await quotaPage(quota[1]);
    }
    return await quotasPage();
  } catch (e) {
    return problemPage(e);
  } finally {
    document.getElementById('app-nav').hidden = tokens() === null;
  }
}

// what a live event or coming back to the app redraws: pages that only show (never a half-filled form)
function refreshShown(quotaId, parentId) {
  // an open question ("Take back …?", a new attendee) is answered first; answering redraws with the fresh state anyway
  if (document.querySelector('[data-come-back], [data-editing]')) {
    return;
  }
  if (view.kind === 'quotas' || view.kind === 'tickets'
    || (view.kind === 'quota' && (!quotaId || view.quotaId === quotaId || view.quotaId === parentId))) {
    route();
  }
}

let living = false;

/** portal-web's event stream of the holder's quotas (GET /app/live); a portal without it answers 404: no live updates. */
async function startLive() {
  if (living || !('ReadableStream' in window)) {
    return;
  }
  living = true;
  // the portal's position when the app loaded: what changed after it comes first, as with a page's "since"
  let lastId = config.liveSince || null;
  let delay = 1000;
  while (tokens()) {
    try {
      const token = await accessToken();
      const response = await fetch('/app/live', {headers: {Authorization: 'Bearer ' + token,
        Accept: 'text/event-stream', ...(lastId ? {'Last-Event-ID': lastId} : {})}});
      if (response.status === 404) {
        break;
      }
      if (!response.ok || !response.body) {
        throw new Error('live: ' + response.status);
      }
      delay = 1000;
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      for (;;) {
        const {value, done} = await reader.read();
        if (done) {
          break;
        }
        buffer += value;
        let end;
        while ((end = buffer.search(/\r?\n\r?\n/)) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end).replace(/^\r?\n\r?\n/, '');
          const event = {event: 'message', data: ''};
          for (const line of block.split(/\r?\n/)) {
            const colon = line.indexOf(':');
            const field = colon < 0 ? line : line.slice(0, colon);
            const text = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
            if (field === 'data') {
              event.data += (event.data ? '\n' : '') + text;
            } else if (field === 'event' || field === 'id') {
              event[field] = text;
            }
          }
          if (event.id) {
            lastId = event.id;
          }
          if (event.event === 'quota') {
            try {
              const change = JSON.parse(event.data);
              refreshShown(change.quotaId, change.parentId);
            } catch (unreadable) {
              refreshShown();
            }
          } else if (event.event === 'refresh') {
            // the portal no longer knows what was missed: redraw what is shown
            refreshShown();
          }
        }
      }
    } catch (e) {
      // network gone or stream cut: try again, less often each time
    }
    await sleep(delay);
    delay = Math.min(delay * 2, 30000);
  }
  living = false;
}

function showConnection() {
  const bar = document.getElementById('connection');
  bar.hidden = navigator.onLine;
  bar.textContent = navigator.onLine ? '' : 'You are offline. Your saved tickets still open.';
}

async function start() {
  if (location.pathname === '/app') {
    // the service worker's scope is /app/: the app always runs below it
    location.replace('/app/' + location.search + location.hash);
    return;
  }
  if ('serviceWorker' in navigator) {
    navigator.serviceWorker.register('/app/sw.js', {scope: '/app/'}).catch(e => console.warn('no offline use', e));
  }
  config = await (await fetch('/app/config.json')).json();
  document.getElementById('brand').textContent = config.clubName + ' Tickets';
  document.getElementById('sign-out').addEventListener('click', async () => {
    const held = tokens();
    if (held && held.refresh) {
      // ends the Keycloak session too, so the refresh token is worth nothing afterwards
      fetch(config.realmUrl + '/protocol/openid-connect/logout', {method: 'POST',
        headers: {'Content-Type': 'application/x-www-form-urlencoded'},
        body: new URLSearchParams({client_id: config.clientId, refresh_token: held.refresh})}).catch(() => null);
    }
    forget();
    clearTimeout(refreshTimer);
    // a shared phone keeps no one's tickets after they sign out
    if ('caches' in window) {
      await caches.delete(TICKETS);
    }
    go('/app/sign-in');
  });
  document.addEventListener('click', e => {
    const a = e.target.closest('a');
    if (a && a.origin === location.origin && a.pathname.startsWith('/app/') && !a.target && !e.ctrlKey
      && !e.metaKey && !e.shiftKey) {
      e.preventDefault();
      go(a.pathname + a.search);
    }
  });
  window.addEventListener('popstate', route);
  window.addEventListener('online', () => {
    showConnection();
    refreshShown();
  });
  window.addEventListener('offline', showConnection);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible' && navigator.onLine) {
      refreshShown();
    }
  });
  showConnection();
  if (tokens()) {
    scheduleRefresh();
    startLive();
  }
  await route();
  document.body.dataset.ready = 'true';
}

start();
