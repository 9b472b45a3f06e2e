// Lockstep console: plain JavaScript, no library, everything served by sms-gateway-sim.
// Calls to the other services go through /v1/console/{service}/… on this origin, with the admin token
// the operator typed (kept in this tab's sessionStorage only).
'use strict';

const $ = (id) => document.getElementById(id);
const state = { frozen: false, challenge: null, phone: null, account: null, groups: new Map() };

$('token').value = sessionStorage.getItem('lockstep-admin-token') || '';
$('token').addEventListener('change', () => {
  sessionStorage.setItem('lockstep-admin-token', $('token').value.trim());
  refreshAll();
});

function say(text) { $('status').textContent = text; }

async function api(service, method, path, body, headers = {}) {
  const url = service === 'sim' ? path : `/v1/console/${service}${path}`;
  const h = Object.assign({}, headers);
  const token = $('token').value.trim();
  if (token) { h['Authorization'] = 'Bearer ' + token; }
  if (body !== undefined) { h['Content-Type'] = 'application/json'; }
  const response = await fetch(url, { method, headers: h, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  let json = null;
  try { json = text ? JSON.parse(text) : null; } catch (e) { json = text; }
  if (!response.ok) {
    const problem = json && json.title ? `${json.title}${json.detail ? ': ' + json.detail : ''}` : response.statusText;
    say(`${method} ${path}: ${response.status} ${problem}`);
    const error = new Error(problem);
    error.status = response.status;
    error.body = json;
    throw error;
  }
  return json;
}

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'onclick') { node.addEventListener('click', v); } else { node.setAttribute(k, v); }
  }
  for (const child of children) { node.append(child instanceof Node ? child : String(child ?? '')); }
  return node;
}


// ---- clock -------------------------------------------------------------------------------------
async function refreshClock() {
  try {
    const clock = await api('sim', 'GET', '/v1/clock');
    $('clock-now').textContent = clock.now.replace('T', ' ').replace(/\.\d+Z$/, 'Z');
    state.frozen = clock.frozen;
    $('clock-frozen').textContent = clock.frozen ? '(frozen)' : '';
    $('clock-freeze').textContent = clock.frozen ? 'unfreeze' : 'freeze';
  } catch (e) { /* shown in the status line */ }
}
async function clockChange(body) { await api('sim', 'POST', '/v1/clock', body); await refreshClock(); }
$('clock-hour').onclick = () => clockChange({ advance: 'PT1H' });
$('clock-day').onclick = () => clockChange({ advance: 'P1D' });
$('clock-advance').onclick = () => clockChange({ advance: $('clock-custom').value.trim() });
$('clock-freeze').onclick = () => clockChange({ freeze: !state.frozen });

// ---- scenarios ---------------------------------------------------------------------------------
async function refreshScenarios() {
  const list = $('scenario-list');
  try {
    const shipped = await api('sim', 'GET', '/v1/scenarios');
    list.replaceChildren(...shipped.map((s) => el('li', {},
      el('button', { id: 'scenario-load-' + s.name, onclick: () => loadScenario(s.file) }, 'Load'), ' ',
      el('strong', {}, s.name), el('br'), el('small', {}, s.story || ''))));
  } catch (e) { list.replaceChildren(el('li', {}, 'Type the admin token to list the scenarios.')); }
  try { showProgress(await api('sim', 'GET', '/v1/scenario')); } catch (e) { /* none loaded */ }
}
async function loadScenario(file) {
  say('loading ' + file + ' (the sandbox is reset first)…');
  showProgress(await api('sim', 'POST', `/v1/scenarios/${encodeURIComponent(file)}/load`));
  say('loaded ' + file);
  refreshAll();
}
function showProgress(progress) {
  $('scenario-current').hidden = false;
  $('scenario-name').textContent = progress.name;
  $('scenario-story').textContent = progress.story || '';
  $('scenario-steps').replaceChildren(...progress.steps.map((text, i) => {
    const played = progress.played[i];
    const mark = played ? (played.met ? ' ✓ met' : ' ✗ missed') : '';
    const detail = played ? ` expected ${JSON.stringify(played.expected)}, got ${JSON.stringify(played.actual)}` : '';
    return el('li', { class: played ? (played.met ? 'met' : 'missed') : '', id: 'scenario-step-' + (i + 1) },
      text + mark, el('small', {}, detail));
  }));
  $('scenario-next').disabled = progress.done;
}
$('scenario-next').onclick = async () => {
  $('scenario-next').disabled = true;
  try { await api('sim', 'POST', '/v1/scenario/next'); } finally {
    showProgress(await api('sim', 'GET', '/v1/scenario'));
    refreshAll();
  }
};

// ---- hosted login page -------------------------------------------------------------------------
function decodeJwt(token) {
  const part = (p) => JSON.parse(new TextDecoder().decode(
    Uint8Array.from(atob(p.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0))));
  const [header, payload] = token.split('.');
  return { header: part(header), payload: part(payload) };
}
function signedIn(tokens) {
  $('login-challenge').hidden = true;
  $('login-result').textContent = 'Signed in.';
  $('login-token').textContent = JSON.stringify(decodeJwt(tokens.access_token), null, 2);
}
$('login-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  $('login-result').textContent = '';
  $('login-token').textContent = '';
  const body = { username: $('login-username').value, password: $('login-password').value };
  if ($('login-device').value) { body.deviceId = $('login-device').value; }
  const headers = $('login-ip').value ? { 'X-Forwarded-For': $('login-ip').value } : {};
  try {
    const answer = await api('auth', 'POST', '/v1/login', body, headers);
    if (answer.status === 'MFA_REQUIRED') {
      state.challenge = answer.challengeId;
      $('login-challenge').hidden = false;
      $('login-result').textContent = 'A code is needed.';
      $('login-factors').replaceChildren(...answer.factors.map((f, i) => el('div', {},
        f.maskedPhone ? el('button', { id: 'login-send-' + i, onclick: () => sendCode(f.id) },
          'Send a new code to the number ending in ' + f.maskedPhone.slice(-2)) : `${f.type}: enter its code`)));
    } else {
      signedIn(answer);
    }
  } catch (e) { $('login-result').textContent = 'Refused: ' + e.message; }
});
async function sendCode(factorId) {
  try {
    await api('auth', 'POST', `/v1/login/${state.challenge}/send`, { factorId });
    $('login-result').textContent = 'A new code was sent.';
  } catch (e) { $('login-result').textContent = 'Refused: ' + e.message; }
}
// The real code flow: PKCE pair and state kept in this tab; console/callback.html finishes it.
function base64url(bytes) {
  return btoa(String.fromCharCode(...new Uint8Array(bytes))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
$('oidc-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  try {
    const discovery = await (await fetch('/v1/console/auth/.well-known/openid-configuration')).json();
    const verifier = base64url(crypto.getRandomValues(new Uint8Array(32)));
    const challenge = base64url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
    const flow = { verifier, state: base64url(crypto.getRandomValues(new Uint8Array(16))),
      nonce: base64url(crypto.getRandomValues(new Uint8Array(16))), clientId: $('oidc-client').value.trim(),
      redirectUri: location.origin + '/console/callback.html' };
    sessionStorage.setItem('lockstep-oidc', JSON.stringify(flow));
    const params = new URLSearchParams({ response_type: 'code', client_id: flow.clientId, redirect_uri: flow.redirectUri,
      scope: 'openid profile email phone', state: flow.state, nonce: flow.nonce, code_challenge: challenge,
      code_challenge_method: 'S256' });
    if ($('oidc-acr').value) { params.set('acr_values', $('oidc-acr').value); }
    location.assign(discovery.authorization_endpoint + '?' + params);
  } catch (e) { $('login-result').textContent = 'Could not start: ' + e.message; }
});
$('login-verify').onclick = async () => {
  try {
    signedIn(await api('auth', 'POST', `/v1/login/${state.challenge}/verify`, { code: $('login-code').value.trim() }));
  } catch (e) { $('login-result').textContent = 'Refused: ' + e.message; }
};

// ---- phones and mailboxes ----------------------------------------------------------------------
const isMail = (address) => address.includes('@');
async function refreshKnownPhones() {
  try {
    const log = await api('sim', 'GET', '/v1/messages?limit=300');
    const addresses = [...new Set(log.map((m) => m.to))];
    $('phone-known').replaceChildren(...addresses.map((a) =>
      el('li', {}, el('a', { href: '#', onclick: (e) => { e.preventDefault(); openPhone(a); } }, a))));
  } catch (e) { /* shown */ }
}
$('phone-open').onclick = () => openPhone($('phone-number').value.trim());
async function openPhone(address) {
  const mail = isMail(address);
  const key = mail ? address : address.replace(/[\s-]/g, '');
  state.phone = key;
  $('phone-detail').hidden = false;
  $('phone-title').textContent = key;
  $('phone-state').hidden = mail;
  if (!mail) {
    const phone = await api('sim', 'GET', '/v1/phones/' + encodeURIComponent(key));
    $('phone-sim').value = phone.sim; $('phone-handset').value = phone.handset;
    $('phone-roaming').value = phone.roaming || ''; $('phone-filter').value = phone.smsFilter || 'none';
  }
  await refreshInbox();
}
async function refreshInbox() {
  if (!state.phone) { return; }
  const mail = isMail(state.phone);
  const messages = await api('sim', 'GET',
    (mail ? '/v1/mailboxes/' : '/v1/phones/') + encodeURIComponent(state.phone) + '/messages');
  $('phone-inbox').tBodies[0].replaceChildren(...messages.map((m) => el('tr', {},
    el('td', {}, (m.deliveredAt || m.acceptedAt || '').replace('T', ' ').slice(0, 19)), el('td', {}, m.channel),
    el('td', {}, m.sender || ''), el('td', { class: 'code' }, m.code || ''), el('td', {}, m.text))));
  const log = await api('sim', 'GET', '/v1/messages?limit=50&to=' + encodeURIComponent(state.phone));
  $('phone-log').tBodies[0].replaceChildren(...log.map((m) => el('tr', {},
    el('td', {}, (m.acceptedAt || '').replace('T', ' ').slice(0, 19)), el('td', {}, m.kind || m.channel),
    el('td', { class: m.status === 'delivered' ? 'met' : 'missed' }, m.status),
    el('td', {}, [m.errorCode, m.statusReason].filter((x) => x).join(' ')))));
}
$('phone-state').addEventListener('submit', async (event) => {
  event.preventDefault();
  const body = { sim: $('phone-sim').value, handset: $('phone-handset').value, smsFilter: $('phone-filter').value };
  if ($('phone-roaming').value.trim()) { body.roaming = $('phone-roaming').value.trim().toUpperCase(); }
  await api('sim', 'PUT', '/v1/phones/' + encodeURIComponent(state.phone), body);
  say('phone state saved');
});

// ---- fault rules -------------------------------------------------------------------------------
const PRESETS = {
  'drop-next': (n) => ({ name: 'the next message to ' + n + ' is lost', match: { number: n }, effect: { type: 'drop' }, trigger: { next: 1 } }),
  drop: (n) => ({ name: 'every message to ' + n + ' is lost', match: { number: n }, effect: { type: 'drop' } }),
  delay: (n) => ({ name: 'messages to ' + n + ' arrive 2 days late', match: { number: n }, effect: { type: 'delay', delay: 'P2D' } }),
  fail: (n) => ({ name: 'the carrier rejects messages to ' + n, match: { number: n }, effect: { type: 'reject', errorCode: 30003 } }),
};
$('fault-add').onclick = async () => {
  await api('sim', 'POST', '/v1/faults', PRESETS[$('fault-preset').value]($('fault-number').value.replace(/[\s-]/g, '')));
  refreshFaults();
};
// the identity provider's own endpoints (auth-service's /v1/admin/idp-faults), broken the same way
const IDP_PRESETS = {
  'token-503': (c) => ({ name: 'the token endpoint answers 503 once', match: { endpoint: 'token', clientId: c }, effect: { type: 'fail', status: 503 }, trigger: { next: 1 } }),
  'token-slow': (c) => ({ name: 'the token endpoint takes 10 s', match: { endpoint: 'token', clientId: c }, effect: { type: 'delay', delay: 'PT10S' } }),
  'authorize-denied': (c) => ({ name: 'the next sign-in comes back access_denied', match: { endpoint: 'authorize', clientId: c }, effect: { type: 'error', error: 'access_denied' }, trigger: { next: 1 } }),
  'authorize-unavailable': (c) => ({ name: 'the next sign-in comes back temporarily_unavailable', match: { endpoint: 'authorize', clientId: c }, effect: { type: 'error', error: 'temporarily_unavailable' }, trigger: { next: 1 } }),
  'jwks-missing-key': () => ({ name: 'the JWKS misses the signing key once', match: { endpoint: 'jwks' }, effect: { type: 'hide-current-key' }, trigger: { next: 1 } }),
  'backchannel-drop': (c) => ({ name: 'back-channel logouts never arrive', match: { endpoint: 'backchannel-logout', clientId: c }, effect: { type: 'drop' } }),
};
$('idp-fault-add').onclick = async () => {
  await api('auth', 'POST', '/v1/admin/idp-faults', IDP_PRESETS[$('idp-fault-preset').value]($('idp-fault-client').value.trim() || undefined));
  refreshFaults();
};
function faultRows(table, service, path, rules) {
  $(table).tBodies[0].replaceChildren(...rules.map((r) => el('tr', {},
    el('td', {}, r.name || r.effect.type), el('td', {}, r.matched), el('td', {}, r.hits),
    el('td', {}, el('input', { type: 'checkbox', ...(r.enabled ? { checked: '' } : {}), onclick: async (e) => {
      await api(service, 'PUT', `${path}/${r.id}/enabled`, { enabled: e.target.checked }); refreshFaults(); } })),
    el('td', {}, el('button', { onclick: async () => { await api(service, 'DELETE', `${path}/${r.id}`); refreshFaults(); } }, 'delete')))));
}
async function refreshFaults() {
  try {
    faultRows('fault-list', 'sim', '/v1/faults', await api('sim', 'GET', '/v1/faults'));
    faultRows('idp-fault-list', 'auth', '/v1/admin/idp-faults', await api('auth', 'GET', '/v1/admin/idp-faults'));
  } catch (e) { /* shown */ }
}

// ---- accounts ----------------------------------------------------------------------------------
$('account-open').onclick = () => openAccount($('account-username').value.trim());
async function openAccount(username) {
  if (!username) { return; }
  state.account = username;
  const u = encodeURIComponent(username);
  const account = await api('auth', 'GET', '/v1/admin/accounts/' + u);
  $('account-detail').hidden = false;
  const facts = { username: account.username, status: account.status, 'second factor': account.mfaMode,
    'lock reason': account.lockReason, 'locked until': account.unlockAt, 'wrong passwords': account.failures,
    'wrong codes': account.mfaFailures, email: account.email };
  $('account-facts').replaceChildren(...Object.entries(facts).flatMap(([k, v]) =>
    [el('dt', {}, k), el('dd', { id: 'account-' + k.replace(/\s/g, '-') }, v ?? '—')]));
  const [devices, sessions, factors] = await Promise.all([
    api('auth', 'GET', `/v1/admin/accounts/${u}/devices`), api('auth', 'GET', `/v1/admin/accounts/${u}/sessions`),
    api('otp', 'GET', `/v1/admin/accounts/${account.id}/phones`)]);
  $('account-devices').replaceChildren(...devices.map((d) => el('li', {}, `${d.deviceId || d.id}${d.trusted ? ' (trusted)' : ''}`)));
  $('account-sessions').replaceChildren(...sessions.map((s) => el('li', {}, `${s.id} since ${s.createdAt}`)));
  $('account-factors').replaceChildren(...factors.map((f) => el('li', {}, `${f.type} ${f.maskedPhone || ''}`)));
}
async function accountAction(method, path, body, service = 'auth') {
  await api(service, method, path, body);
  say('done: ' + path);
  await openAccount(state.account);
}
const u = () => encodeURIComponent(state.account);
$('account-unlock').onclick = () => accountAction('POST', `/v1/admin/accounts/${u()}/unlock`, { reason: 'console' });
$('account-mfa-off').onclick = () => accountAction('PUT', `/v1/admin/accounts/${u()}/mfa`, { mode: 'off', reason: 'console: 2FA off' });
$('account-mfa-on').onclick = () => accountAction('PUT', `/v1/admin/accounts/${u()}/mfa`, { mode: 'always', reason: 'console: 2FA on' });
$('account-suspicious').onclick = () => accountAction('POST', `/v1/admin/accounts/${u()}/suspicious-activity`, { reason: 'console' });
$('account-escalate').onclick = async () => {
  const clock = await api('sim', 'GET', '/v1/clock');
  const since = new Date(Date.parse(clock.now) - 7 * 86400000).toISOString();
  await accountAction('POST', '/v1/admin/recovery/escalations',
    { username: state.account, since, identityCheck: 'checked by the operator in the console', reason: 'console' }, 'recovery');
  refreshRecovery();
};

// ---- recovery cases ----------------------------------------------------------------------------
async function refreshRecovery() {
  try {
    const cases = await api('recovery', 'GET', '/v1/admin/recovery/cases');
    $('recovery-list').tBodies[0].replaceChildren(...cases.map((c) => el('tr', {},
      el('td', {}, c.username), el('td', {}, c.path), el('td', {}, c.status), el('td', {}, c.reason || ''),
      el('td', {}, c.dueAt || ''))));
  } catch (e) { /* shown */ }
}
$('recovery-refresh').onclick = refreshRecovery;
// What the owner is told, refusals included: e.g. an account with a recovery key has no waiting period.
function told(e) { return 'Refused: ' + e.message + (e.body && e.body.type ? ` (${e.body.type.split(':').pop()})` : ''); }
$('recovery-start').addEventListener('submit', async (event) => {
  event.preventDefault();
  try {
    const started = await api('recovery', 'POST', '/v1/recovery/cases', { username: $('recovery-username').value,
      trustedPhone: $('recovery-trusted').value, recoveryPhone: $('recovery-phone').value });
    $('recovery-result').textContent = `Recovery requested (case ${started.caseId}): enter the code sent to the recovery number.`;
  } catch (e) { $('recovery-result').textContent = told(e); }
  refreshRecovery();
});
$('recovery-key-submit').onclick = async () => {
  try {
    await api('recovery', 'POST', '/v1/recovery/recovery-key', { username: $('recovery-username').value,
      recoveryKey: $('recovery-key').value, newPassword: $('recovery-password').value });
    $('recovery-result').textContent = 'Recovered: the account has the new password, every session ended.';
  } catch (e) { $('recovery-result').textContent = told(e); }
  refreshRecovery();
};

// ---- timeline ----------------------------------------------------------------------------------
function addToTimeline(entry) {
  const e = entry.event;
  const key = e.correlationid || 'without a correlation id';
  let group = state.groups.get(key);
  if (!group) {
    group = el('div', { class: 'group' }, el('code', {}, key), el('ol'));
    state.groups.set(key, group);
  }
  $('timeline').prepend(group);
  const what = e.type.replace(/^lockstep\./, '').replace(/\.v\d+$/, '');
  const data = e.data || {};
  const detail = data.endpoint ? `${data.endpoint}: ${data.effect}`
    : data.outcome || data.status || data.reason || data.level || data.channel || data.cause || '';
  group.querySelector('ol').append(el('li', {}, `${(e.time || '').slice(11, 19)} ${what} `, el('small', {}, detail)));
  while (state.groups.size > 60) {
    const [oldest, node] = state.groups.entries().next().value;
    node.remove();
    state.groups.delete(oldest);
  }
}
async function startTimeline() {
  try { (await api('sim', 'GET', '/v1/timeline')).forEach(addToTimeline); } catch (e) { /* shown */ }
  const source = new EventSource('/v1/timeline/stream');
  source.onmessage = (message) => addToTimeline(JSON.parse(message.data));
}

function refreshAll() {
  refreshClock(); refreshScenarios(); refreshKnownPhones(); refreshFaults(); refreshRecovery();
  if (state.account) { openAccount(state.account).catch(() => {}); }
}
refreshAll();
startTimeline();
setInterval(refreshClock, 2000);
setInterval(() => { refreshInbox().catch(() => {}); refreshFaults(); }, 2000);
