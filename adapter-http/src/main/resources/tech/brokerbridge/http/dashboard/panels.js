// The dashboard's panels: proposals (pending cards with charts, history), positions and orders, trades
// and P&L, the decision log and the AI audit. Each panel loads its state when asked (once, and again after
// an event that changes it); nothing here runs on a timer except the expiry countdowns, which are local.
(function () {
  'use strict';
  var BB = window.BB = window.BB || {};
  var $ = BB.$, el = BB.el, cell = BB.cell, show = BB.show, num = BB.num;
  var P = BB.panels = {};

  // ---------------------------------------------------------------- proposals
  var pending = {};          // proposal id -> {proposal, card, chart}

  function gateList(gates) {
    var ul = el('ul', null, 'gates');
    (gates || []).forEach(function (g) {
      var li = el('li', (g.passed ? '✔ ' : '✘ ') + g.gate + ': ' + g.reason, g.passed ? 'ok' : 'bad');
      ul.appendChild(li);
    });
    return ul;
  }

  function countdown(node, iso) {
    var ms = Date.parse(iso) - BB.now();
    if (ms <= 0) { node.textContent = 'expired'; return; }
    var m = Math.floor(ms / 60000), s = Math.floor((ms % 60000) / 1000);
    node.textContent = 'expires in ' + m + ':' + (s < 10 ? '0' : '') + s;
  }

  function field(form, id, label, value) {
    var wrap = el('div', null, 'field');
    var l = el('label', label);
    l.htmlFor = id;
    var input = el('input');
    input.type = 'number';
    input.step = 'any';
    input.id = id;
    input.value = value;
    var err = el('span', '', 'error');
    err.id = 'err-' + id;
    wrap.appendChild(l); wrap.appendChild(input); wrap.appendChild(err);
    form.appendChild(wrap);
    return input;
  }

  function card(p) {
    var id = p.proposal_id;
    var c = el('article', null, 'card');
    c.id = 'card-' + id;
    c.setAttribute('aria-labelledby', 'title-' + id);
    var h = el('h3', p.symbol + ' · ' + p.direction + ' · ' + p.setup_type);
    h.id = 'title-' + id;
    c.appendChild(h);
    var meta = el('p', null, 'meta');
    meta.appendChild(el('span', 'score ' + num(p.composite_score, 2) + ' · conviction ' + num(p.conviction, 2) + ' · '));
    var status = el('span', p.status, 'status status-' + p.status);
    status.id = 'status-' + id;
    meta.appendChild(status);
    meta.appendChild(el('span', ' · '));
    var cd = el('span', '', 'countdown');
    cd.setAttribute('data-expires', p.expires_at);
    countdown(cd, p.expires_at);
    meta.appendChild(cd);
    c.appendChild(meta);
    var chart = el('div', 'loading chart…', 'chart');
    chart.id = 'chart-' + id;
    chart.setAttribute('role', 'img');
    chart.setAttribute('aria-label', 'Daily candles of ' + p.symbol + ' with entry ' + p.entry_price + ', stop ' + p.stop_price + ' and target ' + p.target_price);
    c.appendChild(chart);
    c.appendChild(el('p', p.thesis_summary, 'thesis'));
    c.appendChild(gateList(p.gates));
    var form = el('form', null, 'approve');
    form.noValidate = true;
    var qty = field(form, 'qty-' + id, 'Quantity', p.quantity);
    var stop = field(form, 'stop-' + id, 'Stop', p.stop_price);
    var target = field(form, 'target-' + id, 'Target', p.target_price);
    var reasonWrap = el('div', null, 'field');
    var rl = el('label', 'Reason to reject');
    rl.htmlFor = 'reason-' + id;
    var reason = el('input');
    reason.type = 'text';
    reason.id = 'reason-' + id;
    reasonWrap.appendChild(rl); reasonWrap.appendChild(reason);
    form.appendChild(reasonWrap);
    var result = el('div', null, 'result');
    result.id = 'result-' + id;
    result.setAttribute('role', 'status');
    var buttons = el('div', null, 'buttons');
    var approve = BB.button('Approve', function () { act(id, 'approve', {}, result); }, 'primary');
    approve.id = 'approve-' + id;
    var modified = BB.button('Approve modified', function () {
      var body = {};
      if (Number(qty.value) !== p.quantity) { body.quantity = Number(qty.value); }
      if (Number(stop.value) !== p.stop_price) { body.stop_price = Number(stop.value); }
      if (Number(target.value) !== p.target_price) { body.target_price = Number(target.value); }
      act(id, 'approve', body, result);
    });
    modified.id = 'approve-modified-' + id;
    var reject = BB.button('Reject', function () {
      act(id, 'reject', reason.value.trim() ? { reason: reason.value.trim() } : {}, result);
    }, 'danger');
    reject.id = 'reject-' + id;
    buttons.appendChild(approve); buttons.appendChild(modified); buttons.appendChild(reject);
    form.appendChild(buttons);
    form.addEventListener('submit', function (e) { e.preventDefault(); });
    c.appendChild(form);
    c.appendChild(result);
    var entry = { proposal: p, card: c, chart: null };
    BB.get('api/proposals/' + id + '/bars').then(function (b) {
      BB.clear(chart);
      entry.chart = BB.candles(chart, b.bars, { entry: p.entry_price, stop: p.stop_price, target: p.target_price },
        function (name, price) { (name === 'stop' ? stop : target).value = price.toFixed(2); });
      [['stop', stop], ['target', target]].forEach(function (pair) {
        pair[1].addEventListener('input', function () { entry.chart.setLevel(pair[0], Number(pair[1].value)); });
      });
    }).catch(function (e) { chart.textContent = 'chart unavailable: ' + e.message; });
    return entry;
  }

  function act(id, action, body, result) {
    BB.clear(result);
    result.className = 'result';
    BB.post('api/proposals/' + id + '/' + action, body).then(function (p) {
      result.textContent = action === 'reject' ? 'Rejected.' : 'Approved: ' + p.status;
      P.proposalChanged(p);
    }).catch(function (e) {
      result.className = 'result bad';
      result.appendChild(el('p', e.message));
      if (e.details && e.details.gates) { result.appendChild(gateList(e.details.gates)); }
      if (e.details && e.details.field) {
        var err = $('err-' + e.details.field.replace('_price', '') + '-' + id);
        if (err) { err.textContent = e.message; }
      }
    });
  }

  function renderEmpty() { $('pending-empty').hidden = Object.keys(pending).length > 0; }

  var seenChanges = {};      // proposal id -> the longest status history shown, so a late answer never goes back

  /** A proposal as it is now (from an answer or an event): its card and its history row follow. */
  P.proposalChanged = function (p) {
    var changes = (p.history || []).length;
    if ((seenChanges[p.proposal_id] || 0) > changes) { return; }   // older than what is shown
    seenChanges[p.proposal_id] = changes;
    var entry = pending[p.proposal_id];
    if (p.status === 'pending' && !entry) {
      entry = pending[p.proposal_id] = card(p);
      $('pending').insertBefore(entry.card, $('pending').firstChild);
    } else if (entry) {
      var s = $('status-' + p.proposal_id);
      s.textContent = p.status;
      s.className = 'status status-' + p.status;
      entry.proposal = p;
      if (p.status === 'rejected' || p.status === 'expired') {
        entry.card.remove();
        delete pending[p.proposal_id];
      } else if (p.status === 'executed' || p.status === 'failed') {
        // stays visible a while so the user sees how it ended; the next reload drops it
        entry.card.classList.add('done');
      }
    }
    renderEmpty();
    historyRow(p);
  };

  P.loadPending = function () {
    return BB.get('api/proposals?status=pending&limit=50').then(function (page) {
      Object.keys(pending).forEach(function (id) { pending[id].card.remove(); delete pending[id]; });
      page.proposals.slice().reverse().forEach(function (p) { P.proposalChanged(p); });
      renderEmpty();
    });
  };

  setInterval(function () {   // local countdowns only: no request
    var nodes = document.querySelectorAll('.countdown');
    for (var i = 0; i < nodes.length; i++) { countdown(nodes[i], nodes[i].getAttribute('data-expires')); }
  }, 1000);

  var cursor = null;
  /** The history row of p, made or refreshed (not placed). */
  function rowFor(p) {
    var tr = $('h-' + p.proposal_id);
    if (!tr) { tr = el('tr'); tr.id = 'h-' + p.proposal_id; } else { BB.clear(tr); }
    var last = p.history && p.history.length ? p.history[p.history.length - 1] : null;
    [BB.when(p.created_at), p.symbol, p.direction, p.setup_type, num(p.composite_score, 2), p.entry_price, p.stop_price,
      p.target_price, p.quantity].forEach(function (v) { cell(tr, show(v)); });
    cell(tr, p.status, 'status status-' + p.status);
    cell(tr, last ? last.reason : '');
    return tr;
  }
  /** A proposal that changed: its row is refreshed, or a new one goes on top when the filter shows it. */
  function historyRow(p) {
    var placed = !!$('h-' + p.proposal_id);
    var tr = rowFor(p);
    if (!placed && filterMatches(p)) {
      var body = $('history').tBodies[0];
      body.insertBefore(tr, body.firstChild);
    }
  }
  function filterMatches(p) {
    var s = $('f-status').value, sym = $('f-symbol').value.trim().toUpperCase();
    return (!s || p.status === s) && (!sym || p.symbol === sym) && !$('f-date').value;
  }
  function historyQuery() {
    var q = ['limit=50'];
    if ($('f-status').value) { q.push('status=' + encodeURIComponent($('f-status').value)); }
    if ($('f-date').value) { q.push('date=' + encodeURIComponent($('f-date').value)); }
    if (cursor) { q.push('cursor=' + encodeURIComponent(cursor)); }
    return 'api/proposals?' + q.join('&');
  }
  P.loadHistory = function (more) {
    if (!more) { cursor = null; BB.clear($('history').tBodies[0]); }
    return BB.get(historyQuery()).then(function (page) {
      var sym = $('f-symbol').value.trim().toUpperCase();
      var body = $('history').tBodies[0];
      page.proposals.forEach(function (p) {
        if (!sym || p.symbol === sym) { body.appendChild(rowFor(p)); }
      });
      cursor = page.next_cursor;
      $('history-more').hidden = !cursor;
    });
  };
  P.initProposals = function () {
    $('history-filter').addEventListener('submit', function (e) { e.preventDefault(); P.loadHistory(false).catch(fail); });
    $('history-more').addEventListener('click', function () { P.loadHistory(true).catch(fail); });
  };

  // ---------------------------------------------------------------- positions and orders
  function fail(e) { BB.message(e.message); }
  P.fail = fail;

  function positionActions(td, pos) {
    var closeQty = el('input');
    closeQty.type = 'number';
    closeQty.id = 'close-qty-' + pos.symbol;
    closeQty.placeholder = 'all';
    closeQty.min = '1';
    var lab = el('label', 'Shares to close');
    lab.htmlFor = closeQty.id;
    lab.className = 'sr-only';
    td.appendChild(lab); td.appendChild(closeQty);
    var close = BB.button('Close', function () {
      var body = closeQty.value ? { quantity: Number(closeQty.value) } : {};
      BB.post('api/positions/' + encodeURIComponent(pos.symbol) + '/close', body)
        .then(function () { BB.message('Close of ' + pos.symbol + ' sent.', true); P.loadPositions(); }).catch(fail);
    }, 'danger');
    close.id = 'close-' + pos.symbol;
    td.appendChild(close);
    if (pos.order_ref) {
      td.appendChild(BB.button('Stop to breakeven', function () {
        BB.post('api/orders/' + encodeURIComponent(pos.order_ref) + '/modify', { stop_to_breakeven: true })
          .then(function () { BB.message('Stop of ' + pos.symbol + ' moved to breakeven.', true); P.loadPositions(); }).catch(fail);
      }));
    }
    if (pos.protection === 'unprotected') {
      td.appendChild(BB.button('Re-arm stop', function () {
        BB.post('api/positions/' + encodeURIComponent(pos.symbol) + '/rearm-stop', {})
          .then(function () { BB.message('Stop of ' + pos.symbol + ' re-armed.', true); P.loadPositions(); }).catch(fail);
      }, 'danger'));
    }
  }

  function renderAccount(a) {
    var dl = BB.clear($('account'));
    [['Net liquidation', BB.money(a.net_liquidation)], ['Cash', BB.money(a.cash)], ['Unrealized P&L', BB.money(a.unrealized_pnl)],
      ['Realized today', BB.money(a.realized_pnl_today)], ['Daily P&L', BB.money(a.daily_pnl)]].forEach(function (kv) {
      dl.appendChild(el('dt', kv[0])); dl.appendChild(el('dd', kv[1]));
    });
  }

  /**
   * Live P&L from a portfolio.marked event: the account and each row's price and P&L, in place. Returns
   * false when the positions themselves changed (one opened or closed): the panel must reload.
   */
  P.marked = function (portfolio) {
    renderAccount(portfolio.account);
    var rows = $('positions').tBodies[0].querySelectorAll('tr[id^="pos-"]');
    if (rows.length !== portfolio.positions.length) { return false; }
    return portfolio.positions.every(function (p) {
      var tr = $('pos-' + p.symbol);
      if (!tr) { return false; }
      tr.cells[1].textContent = p.quantity;
      tr.cells[3].textContent = show(p.market_price);
      tr.cells[4].textContent = BB.money(p.unrealized_pnl);
      tr.cells[4].className = p.unrealized_pnl < 0 ? 'bad' : 'ok';
      return true;
    });
  };

  function legsText(legs) {
    return (legs || []).map(function (l) { return l.leg + ' ' + show(l.price) + ' (' + l.state + ')'; }).join(', ') || '—';
  }

  P.loadPositions = function () {
    return Promise.all([
      BB.get('api/portfolio'),
      BB.has('GET /api/positions') ? BB.get('api/positions') : Promise.resolve(null),
      BB.get('api/orders?limit=50')
    ]).then(function (r) {
      var portfolio = r[0], positions = r[1], orders = r[2];
      renderAccount(portfolio.account);
      var note = $('positions-note');
      note.hidden = positions !== null;
      note.textContent = positions === null ? 'Position actions (close, move the stop, re-arm) need the position routes, not in this build.' : '';
      var list = positions ? (positions.positions || positions) : portfolio.positions;
      var body = BB.clear($('positions').tBodies[0]);
      if (!list.length) { var tr0 = el('tr'); var td0 = cell(tr0, 'No open position.', 'muted'); td0.colSpan = 8; body.appendChild(tr0); }
      list.forEach(function (p) {
        var tr = el('tr');
        tr.id = 'pos-' + p.symbol;
        cell(tr, p.symbol); cell(tr, p.quantity); cell(tr, show(p.average_cost)); cell(tr, show(p.market_price));
        cell(tr, BB.money(p.unrealized_pnl), p.unrealized_pnl < 0 ? 'bad' : 'ok');
        cell(tr, show(p.protection), p.protection === 'unprotected' ? 'bad' : '');
        cell(tr, legsText(p.legs));
        var td = cell(tr, '');
        if (positions) { positionActions(td, p); }
        body.appendChild(tr);
      });
      var ob = BB.clear($('orders').tBodies[0]);
      orders.orders.forEach(function (o) {
        var tr = el('tr');
        [BB.when(o.updated_at), o.order_ref, o.symbol, o.direction, o.quantity, o.entry_price, o.stop_price, o.target_price,
          o.bracket_state || o.state, o.message].forEach(function (v) { cell(tr, show(v)); });
        ob.appendChild(tr);
      });
    });
  };

  // ---------------------------------------------------------------- trades and P&L
  function pnl(t) { return typeof t.realized_pnl === 'number' ? t.realized_pnl : (t.gross_pnl || 0) - (t.commissions || 0); }
  function statsRows(tbody, map) {
    BB.clear(tbody);
    Object.keys(map || {}).forEach(function (k) {
      var s = map[k], tr = el('tr');
      cell(tr, k); cell(tr, s.trades); cell(tr, num(s.win_rate * 100, 0) + ' %'); cell(tr, num(s.average_r, 2));
      cell(tr, BB.money(s.expectancy)); cell(tr, BB.money(s.realized_pnl));
      tbody.appendChild(tr);
    });
  }
  P.loadTrades = function () {
    return Promise.all([
      BB.has('GET /api/trades') ? BB.get('api/trades') : Promise.resolve(null),
      BB.has('GET /api/trades/summary') ? BB.get('api/trades/summary') : Promise.resolve(null)
    ]).then(function (r) {
      var trades = r[0], summary = r[1];
      var note = $('trades-note');
      note.hidden = trades !== null;
      note.textContent = trades === null ? 'Closed trades and P&L need the trade routes, not in this build.' : '';
      var list = trades ? (trades.trades || trades) : [];
      list = list.map(function (t) { t.realized_pnl = pnl(t); return t; });
      BB.equity($('equity'), list);
      BB.daily($('daily'), list);
      var body = BB.clear($('trades').tBodies[0]);
      list.forEach(function (t) {
        var tr = el('tr');
        [BB.when(t.exit_time), t.symbol, t.direction, t.quantity, t.entry_price, t.exit_price].forEach(function (v) { cell(tr, show(v)); });
        cell(tr, BB.money(t.realized_pnl), t.realized_pnl < 0 ? 'bad' : 'ok');
        cell(tr, num(t.r_multiple, 2)); cell(tr, show(t.setup_type)); cell(tr, show(t.advisor));
        body.appendChild(tr);
      });
      statsRows($('by-setup').tBodies[0], summary && summary.by_setup);
      statsRows($('by-advisor').tBodies[0], summary && summary.by_advisor);
      return P.loadApprovals();
    });
  };

  /** The approvals log, from its CSV export (the same rows the file gives). */
  P.loadApprovals = function () {
    BB.requests = (BB.requests || 0) + 1;
    return fetch('api/journal/approvals.csv', { credentials: 'same-origin' }).then(function (res) {
      if (!res.ok) { throw new Error('approvals: HTTP ' + res.status); }
      return res.text();
    }).then(function (text) {
      var rows = parseCsv(text);
      var head = rows.shift() || [];
      var col = function (name) { return head.indexOf(name); };
      var body = BB.clear($('approvals').tBodies[0]);
      rows.reverse().forEach(function (r) {
        if (r.length < 2) { return; }
        var tr = el('tr');
        cell(tr, BB.when(r[col('time')])); cell(tr, r[col('proposal_id')]); cell(tr, r[col('symbol')]);
        cell(tr, r[col('action')]); cell(tr, r[col('reason')]);
        body.appendChild(tr);
      });
    });
  };

  function parseCsv(text) {
    var rows = [], row = [], f = '', q = false;
    for (var i = 0; i < text.length; i++) {
      var ch = text[i];
      if (q) {
        if (ch === '"' && text[i + 1] === '"') { f += '"'; i++; } else if (ch === '"') { q = false; } else { f += ch; }
      } else if (ch === '"') { q = true; } else if (ch === ',') { row.push(f); f = ''; } else if (ch === '\n') {
        row.push(f.replace(/\r$/, '')); rows.push(row); row = []; f = '';
      } else { f += ch; }
    }
    if (f || row.length) { row.push(f); rows.push(row); }
    return rows;
  }

  // ---------------------------------------------------------------- activity
  P.loadDecisions = function () {
    var day = $('a-date').value;
    return BB.get('api/decisions' + (day ? '?date=' + encodeURIComponent(day) : '')).then(function (d) {
      if (!$('a-date').value) { $('a-date').value = d.date; }
      var body = BB.clear($('decisions').tBodies[0]);
      d.decisions.slice().reverse().forEach(function (x) {
        var tr = el('tr');
        [BB.when(x.time), x.symbol, x.direction, x.setup_type, num(x.composite_score, 2)].forEach(function (v) { cell(tr, show(v)); });
        cell(tr, x.outcome, x.outcome === 'proposed' ? 'ok' : '');
        cell(tr, x.reason);
        var g = cell(tr, '');
        if (x.gates && x.gates.length) { g.appendChild(gateList(x.gates)); }
        body.appendChild(tr);
      });
    });
  };
  P.initActivity = function () {
    $('activity-filter').addEventListener('submit', function (e) { e.preventDefault(); P.loadDecisions().catch(fail); });
  };

  // ---------------------------------------------------------------- what left my machine
  var SECRET = /(sk-[A-Za-z0-9_-]{6,}|sk-ant-[A-Za-z0-9_-]{6,}|AIza[0-9A-Za-z_-]{10,}|rk_(live|test)_[0-9A-Za-z]{6,}|Bearer\s+[A-Za-z0-9._-]{8,})/g;
  function masked(text) { return String(text || '').replace(SECRET, '••••'); }

  function showNotificationAudit(list) {
    var box = BB.clear($('notify-audit'));
    if (!list.length) { box.appendChild(el('p', 'Nothing has left this machine for a notification channel yet.', 'muted')); }
    list.forEach(function (x) {
      var d = el('details');
      d.appendChild(el('summary', BB.when(x.time) + ' · ' + x.channel + ' · ' + x.event + ' · ' + x.outcome));
      d.appendChild(el('p', x.destination + (x.detail ? ' · ' + x.detail : ''), 'muted'));
      d.appendChild(el('pre', masked(x.body)));
      box.appendChild(d);
    });
  }

  P.loadAudit = function () {
    return Promise.all([BB.get('api/ai/audit?limit=50'), BB.get('api/portfolio').catch(function () { return null; }),
      BB.get('api/notifications/audit?limit=50')]).then(function (r) {
      var list = r[0].exchanges, portfolio = r[1];
      showNotificationAudit(r[2].exchanges);
      var box = BB.clear($('audit'));
      if (!list.length) { box.appendChild(el('p', 'Nothing has left this machine for an AI provider yet.', 'muted')); }
      var leaks = [];
      var figures = portfolio ? [portfolio.account.net_liquidation, portfolio.account.cash].filter(function (v) { return v > 0; })
        .map(function (v) { return v.toFixed(2); }) : [];
      list.forEach(function (x, i) {
        var d = el('details');
        d.appendChild(el('summary', BB.when(x.time) + ' · ' + x.provider + ' ' + x.model + ' · HTTP ' + x.status + ' · '
          + num(x.latency_ms, 0) + ' ms'));
        d.appendChild(el('p', x.url, 'muted'));
        d.appendChild(el('h4', 'Request sent'));
        d.appendChild(el('pre', masked(x.request_body)));
        d.appendChild(el('h4', 'Response received'));
        d.appendChild(el('pre', masked(x.response_body)));
        figures.forEach(function (f) { if (String(x.request_body).indexOf(f) >= 0) { leaks.push(i); } });
        box.appendChild(d);
      });
      var check = $('audit-check');
      check.textContent = leaks.length
        ? 'Warning: an account figure appears in ' + leaks.length + ' request(s).'
        : 'Checked ' + list.length + ' request(s): none holds an account figure (net liquidation, cash) or a key.';
      check.className = leaks.length ? 'check bad' : 'check ok';
    });
  };
}());
