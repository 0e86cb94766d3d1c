// havewemet admin dashboard: every number comes from a /havewemet/stats... or /havewemet/decisions answer, shown as
// text (textContent); the chart is the server's SVG (/havewemet/stats/daily.svg), parsed as XML and adopted into
// the page, never as HTML. Names and reasons that inviters influence are only ever text.
'use strict';

(function () {
  const $ = (id) => document.getElementById(id);
  const SVG_TYPE = 'image/svg+xml';

  function api() {
    return window.havewemetAdmin;
  }

  function fillCounts(tableId, counts) {
    const body = $(tableId).tBodies[0];
    api().clear(body);
    const keys = Object.keys(counts || {});
    if (keys.length === 0) {
      const row = document.createElement('tr');
      row.appendChild(api().el('td', 'none yet', 'muted'));
      body.appendChild(row);
      return;
    }
    keys.forEach((key) => {
      const value = counts[key];
      const row = document.createElement('tr');
      row.dataset.key = key;
      row.appendChild(api().el('td', key, 'key'));
      row.appendChild(api().el('td', value === null || value === undefined ? '–' : value, 'n'));
      body.appendChild(row);
    });
  }

  function setNumber(id, value) {
    $(id).textContent = String(value);
  }

  async function chart(days) {
    const response = await fetch('/havewemet/stats/daily.svg?days=' + encodeURIComponent(days), {
      headers: api().headers(false), credentials: 'same-origin'
    });
    if (!response.ok) {
      throw new Error('chart: HTTP ' + response.status);
    }
    const parsed = new DOMParser().parseFromString(await response.text(), SVG_TYPE);
    const svg = parsed.documentElement;
    if (svg.nodeName !== 'svg') {
      throw new Error('chart: not an SVG picture');
    }
    const holder = $('daily-chart');
    api().clear(holder);
    holder.appendChild(document.importNode(svg, true));
  }

  function decisionRow(d) {
    const row = document.createElement('tr');
    row.dataset.id = d.id;
    row.appendChild(api().el('td', d.receivedAt.substring(0, 16).replace('T', ' ')));
    row.appendChild(api().el('td', d.user));
    row.appendChild(api().el('td', d.inviter.name || d.inviter.email || '(unknown)'));
    row.appendChild(api().el('td', d.platform || ''));
    row.appendChild(api().el('td', d.verdict, 'verdict-' + d.verdict));
    row.appendChild(api().el('td', (d.reasons || []).join(', '), 'reasons'));
    row.appendChild(api().el('td', d.replyStatus + (d.replyDetail && d.replyStatus === 'suppressed'
      ? ' (' + d.replyDetail + ')' : '')));
    return row;
  }

  function bulkRow(b) {
    const row = document.createElement('tr');
    row.dataset.inviter = b.inviter;
    row.appendChild(api().el('td', b.inviter));
    row.appendChild(api().el('td', b.name || ''));
    row.appendChild(api().el('td', b.users, 'n'));
    row.appendChild(api().el('td', b.invitations, 'n'));
    return row;
  }

  async function load() {
    const status = $('dash-status');
    status.textContent = 'loading…';
    const days = $('dash-days').value;
    try {
      const [daily, replies, failures, decisions, bulk] = await Promise.all([
        api().call('GET', '/stats/daily?days=' + encodeURIComponent(days)),
        api().call('GET', '/stats/replies'),
        api().call('GET', '/stats/failures'),
        api().call('GET', '/decisions?limit=100'),
        api().call('GET', '/inviters/bulk')
      ]);
      setNumber('count-invitations', daily.invitations);
      setNumber('count-sent', replies.sent);
      setNumber('count-drafted', replies.drafted);
      setNumber('count-suppressed', replies.suppressed);
      setNumber('count-failopen', failures.failOpen);
      fillCounts('dash-verdicts', daily.verdicts);
      fillCounts('dash-platforms', daily.platforms);
      fillCounts('dash-languages', daily.noteLanguages);
      fillCounts('dash-replies', { sent: replies.sent, drafted: replies.drafted, dryRun: replies.dryRun,
        suppressed: replies.suppressed, none: replies.none });
      fillCounts('dash-suppressed', replies.suppressedByReason);
      fillCounts('dash-failures', { failOpen: failures.failOpen, replyErrors: failures.replyErrors,
        lastReloadError: failures.lastReloadError === null ? 'none' : failures.lastReloadError });
      const decisionBody = $('dash-decisions').tBodies[0];
      api().clear(decisionBody);
      decisions.decisions.forEach((d) => decisionBody.appendChild(decisionRow(d)));
      const bulkBody = $('dash-bulk').tBodies[0];
      api().clear(bulkBody);
      bulk.inviters.forEach((b) => bulkBody.appendChild(bulkRow(b)));
      if (bulk.inviters.length === 0) {
        const row = document.createElement('tr');
        row.appendChild(api().el('td', 'none: nobody invited many of this server\'s users', 'muted'));
        bulkBody.appendChild(row);
      }
      await chart(days);
      status.textContent = 'as of ' + new Date().toISOString().substring(0, 19).replace('T', ' ') + ' UTC';
      $('dashboard-section').dataset.loaded = days;
    } catch (failed) {
      status.textContent = failed.message;
    }
  }

  document.addEventListener('DOMContentLoaded', () => {
    $('dash-days').addEventListener('change', load);
    $('dash-refresh').addEventListener('click', load);
    $('token').addEventListener('change', load);
    load();
  });
}());
