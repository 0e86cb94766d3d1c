// havewemet: a user's own invitations. Everything the inviter wrote is put on the page with textContent only.
'use strict';
(function () {
  const state = { csrf: null, offset: 0, limit: 20, total: 0, selected: null };
  const $ = (id) => document.getElementById(id);

  function element(tag, text, className) {
    const e = document.createElement(tag);
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    if (className) { e.className = className; }
    return e;
  }

  async function call(method, path, body) {
    const headers = { 'Accept': 'application/json' };
    if (body !== undefined) { headers['Content-Type'] = 'application/json'; }
    if (method !== 'GET' && state.csrf) { headers['X-CSRF-Token'] = state.csrf; }
    const response = await fetch(path, { method: method, headers: headers, credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await response.text();
    const json = text ? JSON.parse(text) : null;
    if (response.status === 401 && path !== '/api/session') { showSignIn(); }
    if (!response.ok) {
      const error = new Error(json && json.message ? json.message : 'HTTP ' + response.status);
      error.status = response.status;
      throw error;
    }
    return json;
  }

  function show(signedIn, address) {
    $('signin-view').hidden = signedIn;
    $('main-view').hidden = !signedIn;
    $('who').hidden = !signedIn;
    $('who-address').textContent = signedIn ? address : '';
  }

  function showSignIn() {
    state.csrf = null;
    show(false);
  }

  async function signIn(event) {
    event.preventDefault();
    $('signin-error').textContent = '';
    try {
      const session = await call('POST', '/api/session', { address: $('address').value, password: $('password').value });
      $('password').value = '';
      state.csrf = session.csrfToken;
      show(true, session.address);
      await search(0);
    } catch (e) {
      $('signin-error').textContent = e.status === 429 ? 'Too many failed sign-ins: try again later.'
        : e.status === 401 ? 'Wrong address or password.' : e.message;
    }
  }

  async function signOut() {
    try { await call('DELETE', '/api/session'); } catch (e) { /* signed out either way */ }
    $('results').replaceChildren();
    $('detail').hidden = true;
    showSignIn();
  }

  async function search(offset) {
    state.offset = offset;
    const params = new URLSearchParams({ q: $('q').value, sort: $('sort').value, limit: String(state.limit),
      offset: String(offset) });
    $('status').textContent = 'Searching…';
    try {
      const result = await call('GET', '/api/invitations?' + params.toString());
      state.total = result.total;
      $('status').textContent = '';
      $('total').textContent = result.total === 1 ? '1 invitation' : result.total + ' invitations';
      renderHits(result.hits);
      renderFacets(result.facets);
      $('prev').disabled = offset === 0;
      $('next').disabled = offset + state.limit >= result.total;
    } catch (e) {
      $('status').textContent = e.message;
    }
  }

  function renderHits(hits) {
    const list = $('results');
    list.replaceChildren();
    for (const hit of hits) {
      const item = element('li');
      item.dataset.id = hit.id;
      const button = element('button');
      button.type = 'button';
      const top = element('div');
      top.append(element('span', hit.card.name || '(no name)', 'hit-name'), element('span', hit.verdict, 'verdict ' + hit.verdict));
      const meta = element('div', [hit.card.headline, hit.platform, hit.receivedAt.substring(0, 10)]
        .filter(Boolean).join(' · '), 'hit-meta');
      button.append(top, meta);
      button.addEventListener('click', () => open(hit.id));
      item.append(button);
      list.append(item);
    }
  }

  function renderFacets(facets) {
    facet('facet-verdict', facets.verdict, (v) => 'verdict:' + v);
    facet('facet-platform', facets.platform, (v) => 'platform:' + v);
    facet('facet-month', facets.month, monthQuery);
  }

  function monthQuery(month) {
    const [year, mm] = month.split('-').map(Number);
    const next = mm === 12 ? (year + 1) + '-01' : year + '-' + String(mm + 1).padStart(2, '0');
    return 'after:' + month + '-01 before:' + next + '-01';
  }

  function facet(id, counts, toQuery) {
    const list = $(id);
    list.replaceChildren();
    for (const [value, count] of Object.entries(counts || {})) {
      const item = element('li');
      const button = element('button', value + ' (' + count + ')');
      button.type = 'button';
      button.addEventListener('click', () => {
        const q = $('q').value.trim();
        $('q').value = (q ? q + ' ' : '') + toQuery(value);
        search(0);
      });
      item.append(button);
      list.append(item);
    }
  }

  async function open(id) {
    try {
      render(await call('GET', '/api/invitations/' + encodeURIComponent(id)));
    } catch (e) {
      $('status').textContent = e.message;
    }
  }

  function render(invitation) {
    state.selected = invitation.id;
    for (const b of document.querySelectorAll('#results li button')) {
      b.classList.toggle('selected', b.parentElement.dataset.id === invitation.id);
    }
    const card = invitation.card;
    $('detail').hidden = false;
    $('detail').dataset.id = invitation.id;
    $('detail-name').textContent = card.name || '(no name)';
    $('detail-headline').textContent = card.headline || '';
    $('detail-company').textContent = [card.company, card.location].filter(Boolean).join(' · ');
    const profile = $('detail-profile');
    // The server passes on http(s) links only; checked again here before it becomes a link.
    if (card.profileUrl && /^https?:\/\//i.test(card.profileUrl)) {
      profile.href = card.profileUrl;
      profile.textContent = card.profileUrl;
      profile.hidden = false;
    } else {
      profile.removeAttribute('href');
      profile.hidden = true;
    }
    $('detail-platform').textContent = invitation.platform || '';
    $('detail-received').textContent = invitation.receivedAt;
    $('detail-note').textContent = invitation.note || '(no note)';
    $('detail-verdict').textContent = invitation.verdict;
    const reasons = $('detail-reasons');
    reasons.replaceChildren();
    for (const reason of invitation.reasons) {
      const item = element('li', reason.text);
      item.title = reason.code;
      reasons.append(item);
    }
    $('detail-reply').textContent = invitation.reply.summary;
    for (const b of document.querySelectorAll('.verdict-button')) {
      b.disabled = b.dataset.verdict === invitation.verdict;
    }
  }

  async function correct(verdict) {
    if (!state.selected) { return; }
    $('status').textContent = 'Correcting…';
    try {
      const corrected = await call('POST', '/api/invitations/' + encodeURIComponent(state.selected) + '/verdict',
        { verdict: verdict });
      render(corrected);
      $('status').textContent = 'Corrected to ' + corrected.verdict + '.';
      const item = document.querySelector('#results li[data-id="' + CSS.escape(corrected.id) + '"] .verdict');
      if (item) { item.textContent = corrected.verdict; item.className = 'verdict ' + corrected.verdict; }
    } catch (e) {
      $('status').textContent = e.message;
    }
  }

  async function resume() {
    try {
      const session = await call('GET', '/api/session');
      state.csrf = session.csrfToken;
      show(true, session.address);
      await search(0);
    } catch (e) {
      showSignIn();
    }
  }

  document.addEventListener('DOMContentLoaded', () => {
    $('signin-form').addEventListener('submit', signIn);
    $('signout').addEventListener('click', signOut);
    $('search-form').addEventListener('submit', (event) => { event.preventDefault(); search(0); });
    $('prev').addEventListener('click', () => search(Math.max(0, state.offset - state.limit)));
    $('next').addEventListener('click', () => search(state.offset + state.limit));
    for (const b of document.querySelectorAll('.verdict-button')) {
      b.addEventListener('click', () => correct(b.dataset.verdict));
    }
    resume();
  });
}());
