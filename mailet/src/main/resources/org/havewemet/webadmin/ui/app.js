// havewemet admin page. Everything that comes from the server is shown with textContent or as text nodes, never
// parsed as HTML: inviters write names and notes, and the page must show them as text, not run them.
'use strict';

(function () {
  const API = '/havewemet';
  const PREVIEW_DELAY_MS = 300;
  const $ = (id) => document.getElementById(id);
  let current = null;          // {name, locale}
  let previewTimer = null;
  let previewSequence = 0;

  function headers(json) {
    const h = {};
    if (json) {
      h['Content-Type'] = 'application/json';
    }
    const token = $('token').value.trim();
    if (token) {
      h['Authorization'] = 'Bearer ' + token;
    }
    return h;
  }

  async function call(method, path, body) {
    const response = await fetch(API + path, {
      method: method,
      headers: headers(body !== undefined),
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin'
    });
    let data = null;
    try {
      data = await response.json();
    } catch (notJson) {
      data = { message: 'unexpected answer (' + response.status + ')' };
    }
    if (response.status === 401) {
      // WebAdmin's JWT filter answers before our routes, in plain text.
      const error = new Error('WebAdmin needs a signed admin token (401): paste it above');
      error.data = {};
      throw error;
    }
    if (!response.ok) {
      const error = new Error((data && data.message) || ('HTTP ' + response.status));
      error.data = data || {};
      throw error;
    }
    return data;
  }

  function el(tag, text, className) {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) {
      node.textContent = String(text);
    }
    if (className) {
      node.className = className;
    }
    return node;
  }

  function clear(node) {
    while (node.firstChild) {
      node.removeChild(node.firstChild);
    }
  }

  function setStatus(text, ok) {
    const status = $('status');
    status.textContent = text;
    status.className = ok === undefined ? '' : (ok ? 'ok' : 'bad');
  }

  function showProblems(problems) {
    const list = $('problems');
    clear(list);
    (problems || []).forEach((p) => list.appendChild(el('li', p)));
  }

  function templatePath() {
    return '/templates/' + encodeURIComponent(current.name) + '/' + encodeURIComponent(current.locale);
  }

  // ------------------------------------------------------------------ templates

  async function loadTemplateList() {
    const data = await call('GET', '/templates');
    const select = $('template-select');
    clear(select);
    data.templates.filter((t) => !t.domain).forEach((t) => {
      const option = el('option', t.name + ' / ' + t.locale + (t.customized ? ' (customized)' : ''));
      option.value = t.name + '|' + t.locale;
      select.appendChild(option);
    });
    const preferred = Array.from(select.options).find((o) => o.value === 'reply|en');
    if (preferred) {
      select.value = preferred.value;
    }
    await openTemplate();
  }

  async function openTemplate() {
    const [name, locale] = $('template-select').value.split('|');
    current = { name: name, locale: locale };
    const template = await call('GET', templatePath());
    $('subject').value = template.subject;
    $('body').value = template.body;
    $('template-state').textContent = template.customized ? 'customized' : 'shipped default';
    showProblems(template.problems);
    setStatus('');
    schedulePreview(0);
    await loadHistory();
  }

  function schedulePreview(delay) {
    clearTimeout(previewTimer);
    $('preview-state').textContent = 'updating…';
    previewTimer = setTimeout(preview, delay === undefined ? PREVIEW_DELAY_MS : delay);
  }

  async function preview() {
    const sequence = ++previewSequence;
    try {
      const rendered = await call('POST', templatePath() + '/preview',
        { subject: $('subject').value, body: $('body').value });
      if (sequence !== previewSequence) {
        return;          // an older answer arriving after a newer request
      }
      $('preview-subject').textContent = rendered.subject;
      $('preview-body').textContent = rendered.body;
      $('preview-state').textContent = '';
      showProblems([]);
    } catch (failed) {
      if (sequence === previewSequence) {
        $('preview-state').textContent = 'cannot render';
        showProblems(failed.data.problems || [failed.message]);
      }
    }
  }

  async function save() {
    setStatus('saving…');
    try {
      const version = await call('PUT', templatePath(), { subject: $('subject').value, body: $('body').value });
      setStatus('saved as version ' + version.id, true);
      showProblems([]);
      $('template-state').textContent = 'customized';
      await loadHistory();
    } catch (failed) {
      setStatus('not saved: ' + failed.message, false);
      showProblems(failed.data.problems);
    }
  }

  async function restoreDefault() {
    try {
      await call('DELETE', templatePath());
      await openTemplate();
      setStatus('the shipped default applies again', true);
    } catch (failed) {
      setStatus(failed.message, false);
    }
  }

  async function loadHistory() {
    const body = $('history').tBodies[0];
    clear(body);
    const data = await call('GET', templatePath() + '/history');
    data.versions.forEach((v) => {
      const row = document.createElement('tr');
      row.appendChild(el('td', v.id));
      row.appendChild(el('td', v.at));
      row.appendChild(el('td', v.who));
      row.appendChild(el('td', v.action + (v.rollbackOf ? ' of ' + v.rollbackOf : '')));
      row.appendChild(el('td', v.subject === null ? '(shipped default)' : v.subject));
      const cell = document.createElement('td');
      const button = el('button', 'Roll back to this');
      button.type = 'button';
      button.className = 'rollback';
      button.dataset.version = v.id;
      button.addEventListener('click', () => rollback(v.id));
      cell.appendChild(button);
      row.appendChild(cell);
      body.appendChild(row);
    });
  }

  async function rollback(versionId) {
    try {
      await call('POST', templatePath() + '/rollback/' + encodeURIComponent(versionId));
      await openTemplate();
      setStatus('rolled back to ' + versionId, true);
    } catch (failed) {
      setStatus('rollback failed: ' + failed.message, false);
    }
  }

  // ------------------------------------------------------------------ search

  // The index marks matched words with <b>..</b> and HTML-escapes the rest; rebuild that as DOM nodes, as text.
  function snippetNodes(snippet) {
    const fragment = document.createDocumentFragment();
    const parts = snippet.split(/(<b>|<\/b>)/);
    let bold = false;
    parts.forEach((part) => {
      if (part === '<b>') {
        bold = true;
      } else if (part === '</b>') {
        bold = false;
      } else if (part) {
        const text = decodeEntities(part);
        fragment.appendChild(bold ? el('b', text) : document.createTextNode(text));
      }
    });
    return fragment;
  }

  function decodeEntities(text) {
    return text.replace(/&(lt|gt|amp|quot|#39|#x27|apos);/g, (all, name) => (
      { lt: '<', gt: '>', amp: '&', quot: '"', '#39': "'", '#x27': "'", apos: "'" }[name]));
  }

  async function search(event) {
    if (event) {
      event.preventDefault();
    }
    const error = $('search-error');
    const list = $('results');
    error.textContent = '';
    clear(list);
    $('search-total').textContent = '';
    const params = new URLSearchParams({
      user: $('search-user').value.trim(), q: $('search-q').value, sort: $('search-sort').value, limit: '50'
    });
    try {
      const data = await call('GET', '/invitations?' + params.toString());
      $('search-total').textContent = data.total + ' invitation(s)';
      data.hits.forEach((hit) => list.appendChild(result(hit)));
    } catch (failed) {
      error.textContent = failed.message;
    }
  }

  function result(hit) {
    const item = el('li');
    item.className = 'hit';
    const head = el('div');
    head.appendChild(el('span', hit.inviter.name || hit.inviter.email || '(unknown)', 'who'));
    head.appendChild(el('span', hit.verdict, 'verdict'));
    head.appendChild(el('span', ' ' + (hit.platform || '') + ' · ' + hit.receivedAt.substring(0, 10)
      + ' · reply: ' + hit.replyStatus, 'muted'));
    item.appendChild(head);
    if (hit.inviter.headline) {
      item.appendChild(el('div', hit.inviter.headline, 'headline'));
    }
    if (hit.snippet) {
      const snippet = el('p', null, 'snippet');
      snippet.appendChild(snippetNodes(hit.snippet));
      item.appendChild(snippet);
    }
    item.appendChild(correction(hit));
    return item;
  }

  // A correction here counts like the user moving the mail: index, the user's learning, and the mail's folder.
  function correction(hit) {
    const row = el('div', hit.correction ? 'corrected by ' + hit.correction.by + ' ' : '', 'muted');
    const select = el('select');
    select.className = 'correct-verdict';
    ['PERSONAL', 'KNOWN', 'UNEXPLAINED', 'SUSPICIOUS', 'NOT_INVITATION'].forEach((v) => {
      const option = el('option', v);
      option.value = v;
      option.selected = v === hit.verdict;
      select.appendChild(option);
    });
    const button = el('button', 'Correct verdict');
    button.type = 'button';
    button.className = 'correct';
    const outcome = el('span', '', 'muted');
    button.addEventListener('click', async () => {
      const params = new URLSearchParams({ user: $('search-user').value.trim() });
      try {
        const done = await call('POST', '/invitations/' + encodeURIComponent(hit.id.substring(hit.id.lastIndexOf('/') + 1)) + '/verdict?'
          + params.toString(), { verdict: select.value });
        outcome.textContent = ' now ' + done.invitation.verdict + ', in ' + done.folder;
      } catch (failed) {
        outcome.textContent = ' ' + failed.message;
      }
    });
    row.appendChild(select);
    row.appendChild(button);
    row.appendChild(outcome);
    return row;
  }

  // What dashboard.js shares: the same calls, with the same token.
  window.havewemetAdmin = Object.freeze({ call: call, headers: headers, el: el, clear: clear });

  // ------------------------------------------------------------------ wiring

  document.addEventListener('DOMContentLoaded', () => {
    // The token lives only in this input (memory): never in storage or a cookie, gone with the tab.
    $('token').addEventListener('change', () => {
      loadTemplateList().catch((failed) => setStatus(failed.message, false));
    });
    $('template-select').addEventListener('change', () => openTemplate().catch((f) => setStatus(f.message, false)));
    $('subject').addEventListener('input', () => schedulePreview());
    $('body').addEventListener('input', () => schedulePreview());
    $('save').addEventListener('click', save);
    $('reset').addEventListener('click', restoreDefault);
    $('search-form').addEventListener('submit', search);
    loadTemplateList().catch((failed) => setStatus('cannot load templates: ' + failed.message, false));
  });
}());
