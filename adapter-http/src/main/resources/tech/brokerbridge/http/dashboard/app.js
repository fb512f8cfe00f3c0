// BrokerBridge dashboard: plain DOM, same-origin fetch to the JSON API, text inserted with textContent only.
(function () {
  'use strict';

  var REFRESH_MS = 5000;
  var refreshing = false;
  var refreshFailed = false;
  var lastErrors = '';

  function $(id) { return document.getElementById(id); }

  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    if (cls) { e.className = cls; }
    return e;
  }

  function show(v) { return v === undefined || v === null || v === '' ? '—' : String(v); }
  function num(v, digits) { return typeof v === 'number' ? v.toFixed(digits) : show(v); }
  function when(iso) {
    if (!iso) { return '—'; }
    var d = new Date(iso);
    return isNaN(d.getTime()) ? String(iso) : d.toLocaleString();
  }

  function message(text, info) {
    var m = $('message');
    m.textContent = text;
    m.className = info ? 'info' : '';
    m.hidden = !text;
  }

  // One API call. Resolves with the parsed JSON; rejects with an Error whose message is the API's.
  function api(method, path, body) {
    var init = { method: method, headers: { 'Accept': 'application/json' }, credentials: 'same-origin' };
    if (body !== undefined) {
      init.headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    return fetch(path, init).then(function (res) {
      return res.text().then(function (text) {
        var data = null;
        try { data = text ? JSON.parse(text) : null; } catch (e) { data = null; }
        if (!res.ok) {
          var msg = data && data.error && data.error.message ? data.error.message : 'HTTP ' + res.status;
          throw new Error(msg);
        }
        return data;
      });
    });
  }

  function status(span, good, text) {
    span.textContent = text;
    span.className = good ? 'ok' : 'bad';
  }

  function renderHealth(h) {
    var s = h.services || {};
    var b = s.broker || {};
    var a = s.ai || {};
    status($('h-broker'), b.connected, show(b.name) + (b.connected ? ' connected' : ' disconnected')
      + (b.message ? ' (' + b.message + ')' : ''));
    status($('h-ai'), a.connected, show(a.provider) + (a.connected ? ' ready' : ' unavailable')
      + (a.message ? ' (' + a.message + ')' : ''));
    status($('h-loop'), h.trading_loop_active, h.trading_loop_active ? 'running' : 'stopped');
    status($('h-kill'), !h.kill_switch_engaged, h.kill_switch_engaged ? 'ENGAGED' : 'released');
    var md = h.market_data || {};
    $('sim-banner').hidden = md.simulated !== true; // stays up as long as the prices are simulated
    $('sim-detail').textContent = md.description || '';
    var am = h.account_mode || {};
    $('account-banner').hidden = am.tradable !== false;
    $('account-banner').textContent = am.tradable === false ? 'Read-only, nothing is sent: ' + show(am.reason) : '';
  }

  function renderLicense(l) {
    status($('h-license'), l.valid, show(l.status) + ' · ' + show(l.mode) + (l.reason ? ' — ' + l.reason : ''));
  }

  function cell(tr, text, cls) { tr.appendChild(el('td', text, cls)); }

  function button(label, onClick, cls) {
    var b = el('button', label, cls);
    b.type = 'button';
    b.addEventListener('click', onClick);
    return b;
  }

  function renderProposals(list) {
    var body = $('proposals');
    body.replaceChildren();
    if (!list.length) {
      var tr = el('tr');
      var td = el('td', 'No pending proposals.', 'muted');
      td.colSpan = 12;
      tr.appendChild(td);
      body.appendChild(tr);
      return;
    }
    list.forEach(function (p) {
      var tr = el('tr');
      cell(tr, p.symbol);
      cell(tr, p.direction);
      cell(tr, p.setup_type);
      cell(tr, num(p.composite_score, 2), 'num');
      cell(tr, num(p.conviction, 2), 'num');
      cell(tr, num(p.entry_price, 2), 'num');
      cell(tr, num(p.stop_price, 2), 'num');
      cell(tr, num(p.target_price, 2), 'num');
      cell(tr, show(p.quantity), 'num');
      cell(tr, p.thesis_summary, 'thesis');
      cell(tr, when(p.expires_at));
      var actions = el('td', null, 'row-actions');
      actions.appendChild(button('Approve', function () { approve(p); }));
      actions.appendChild(button('Approve modified', function () { approveModified(p); }));
      actions.appendChild(button('Reject', function () { reject(p); }, 'danger'));
      tr.appendChild(actions);
      body.appendChild(tr);
    });
  }

  function renderList(id, items, line, empty) {
    var ul = $(id);
    ul.replaceChildren();
    if (!items.length) {
      ul.appendChild(el('li', empty, 'muted'));
      return;
    }
    items.forEach(function (x) { ul.appendChild(el('li', line(x))); });
  }

  function orderLine(o) {
    return when(o.created_at) + ' · ' + o.symbol + ' ' + o.direction + ' ' + show(o.quantity) + ' @ '
      + num(o.entry_price, 2) + ' (stop ' + num(o.stop_price, 2) + ', target ' + num(o.target_price, 2) + ') · '
      + show(o.state) + (o.message ? ' — ' + o.message : '');
  }

  function decisionLine(d) {
    return when(d.time) + ' · ' + d.symbol + ' ' + d.direction + ' ' + show(d.setup_type) + ' · score '
      + num(d.composite_score, 2) + ' · ' + show(d.outcome) + (d.reason ? ' — ' + d.reason : '');
  }

  function renderPortfolio(p) {
    var dl = $('account');
    dl.replaceChildren();
    var a = p.account || {};
    [['Broker', p.broker], ['Currency', a.currency], ['Net liquidation', num(a.net_liquidation, 2)],
      ['Cash', num(a.cash, 2)], ['Buying power', num(a.buying_power, 2)],
      ['Unrealized P&L', num(a.unrealized_pnl, 2)], ['Daily P&L', num(a.daily_pnl, 2)]].forEach(function (kv) {
      dl.appendChild(el('dt', kv[0]));
      dl.appendChild(el('dd', show(kv[1])));
    });
    var body = $('positions');
    body.replaceChildren();
    (p.positions || []).forEach(function (pos) {
      var tr = el('tr');
      cell(tr, pos.symbol);
      cell(tr, show(pos.quantity), 'num');
      cell(tr, num(pos.average_cost, 2), 'num');
      cell(tr, num(pos.market_price, 2), 'num');
      cell(tr, num(pos.market_value, 2), 'num');
      cell(tr, num(pos.unrealized_pnl, 2), 'num');
      body.appendChild(tr);
    });
  }

  // Each part refreshes on its own, so one failing call (e.g. the license gate) leaves the others shown.
  function refresh() {
    if (refreshing) { return Promise.resolve(); }
    refreshing = true;
    var errors = [];
    function part(path, render) {
      return api('GET', path).then(render, function (e) { errors.push(e.message); });
    }
    return Promise.all([
      part('api/health', renderHealth),
      part('api/license', renderLicense),
      part('api/proposals?status=pending&limit=50', function (d) { renderProposals(d.proposals || []); }),
      part('api/orders?limit=20', function (d) {
        renderList('orders', d.orders || [], orderLine, 'No orders yet.');
      }),
      part('api/decisions', function (d) {
        renderList('decisions', d.decisions || [], decisionLine, 'No decisions today.');
      }),
      part('api/portfolio', renderPortfolio)
    ]).then(function () {
      $('updated').textContent = new Date().toLocaleTimeString();
    }, function (e) {
      errors.push(e.message);
    }).then(function () {
      refreshing = false;
      lastErrors = errors.filter(function (m, i) { return errors.indexOf(m) === i; }).join(' · ');
      if (lastErrors) {
        refreshFailed = true;
        message(lastErrors);
      } else if (refreshFailed) {
        refreshFailed = false;
        message('');
      }
    });
  }

  // Runs an action, shows its outcome or the API's error message, then refreshes.
  // The outcome stays on screen with any error of the refresh that follows it.
  function act(label, method, path, body) {
    return api(method, path, body).then(function () {
      return { text: label + ': done.', ok: true };
    }, function (e) {
      return { text: label + ': ' + e.message, ok: false };
    }).then(function (outcome) {
      return refresh().then(function () {
        message(outcome.text + (lastErrors ? ' · ' + lastErrors : ''), outcome.ok && !lastErrors);
      });
    });
  }

  function proposalPath(p, verb) {
    return 'api/proposals/' + encodeURIComponent(p.proposal_id) + '/' + verb;
  }

  function approve(p) {
    if (window.confirm('Approve ' + p.symbol + ' ' + p.direction + ' ' + show(p.quantity) + '?')) {
      act('Approve ' + p.symbol, 'POST', proposalPath(p, 'approve'));
    }
  }

  // Asks for a number, prefilled; returns undefined when unchanged, null when cancelled.
  function askNumber(label, current) {
    var answer = window.prompt(label, current === null || current === undefined ? '' : String(current));
    if (answer === null) { return null; }
    answer = answer.trim();
    if (answer === '' || answer === String(current)) { return undefined; }
    var n = Number(answer);
    if (!isFinite(n)) { throw new Error(label + ': not a number'); }
    return n;
  }

  function approveModified(p) {
    var change = {};
    try {
      var fields = [['stop_price', 'Stop price', p.stop_price], ['target_price', 'Target price', p.target_price],
        ['quantity', 'Quantity', p.quantity]];
      for (var i = 0; i < fields.length; i++) {
        var v = askNumber(fields[i][1] + ' for ' + p.symbol, fields[i][2]);
        if (v === null) { return; }
        if (v !== undefined) { change[fields[i][0]] = v; }
      }
    } catch (e) {
      message(e.message);
      return;
    }
    act('Approve ' + p.symbol + ' modified', 'POST', proposalPath(p, 'approve'), change);
  }

  function reject(p) {
    var reason = window.prompt('Reason for rejecting ' + p.symbol + ' (optional)', '');
    if (reason === null) { return; }
    reason = reason.trim();
    act('Reject ' + p.symbol, 'POST', proposalPath(p, 'reject'), reason ? { reason: reason } : undefined);
  }

  function engageKillSwitch() {
    var reason = window.prompt('Engage the kill switch: reason (optional)', '');
    if (reason === null) { return; }
    var body = { cancel_open_orders: window.confirm('Also cancel all open orders?') };
    if (reason.trim()) { body.reason = reason.trim(); }
    act('Kill switch', 'POST', 'api/kill-switch', body);
  }

  document.addEventListener('DOMContentLoaded', function () {
    $('btn-scan').addEventListener('click', function () { act('Scan', 'POST', 'api/scan'); });
    $('btn-start').addEventListener('click', function () { act('Start trading', 'POST', 'api/trading/start'); });
    $('btn-stop').addEventListener('click', function () { act('Stop trading', 'POST', 'api/trading/stop'); });
    $('btn-kill').addEventListener('click', engageKillSwitch);
    $('btn-release').addEventListener('click', function () { act('Release', 'DELETE', 'api/kill-switch'); });
    refresh();
    window.setInterval(refresh, REFRESH_MS);
  });
}());
