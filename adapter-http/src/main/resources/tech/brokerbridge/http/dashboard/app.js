// The dashboard's shell: the status bar, the tabs, the kill switch dialog, and the live event stream that
// keeps everything current. The page loads its state once (again after a reconnect), then only follows
// events: it never polls.
(function () {
  'use strict';
  var BB = window.BB;
  var $ = BB.$, P = BB.panels;
  var health = null;
  var tabs = ['proposals', 'positions', 'trades', 'activity', 'audit', 'setup'];
  var loaders = {
    proposals: function () { return Promise.all([P.loadPending(), P.loadHistory(false)]); },
    positions: P.loadPositions, trades: P.loadTrades, activity: P.loadDecisions, audit: P.loadAudit,
    setup: BB.setup.load
  };
  var dirty = {};            // panel -> true when an event changed it while hidden
  var current = 'proposals';
  var pendingReload = {};

  function status(span, good, text) {
    span.textContent = text;
    span.className = good ? 'ok' : 'bad';
  }

  // ---------------------------------------------------------------- status bar
  function renderHealth() {
    var h = health, s = h.services || {}, b = s.broker || {}, a = s.ai || {};
    status($('s-loop'), h.trading_loop_active, h.trading_loop_active ? 'on' : 'off');
    $('s-next').textContent = h.next_scan_at ? 'next scan ' + BB.clock(h.next_scan_at) : '';
    if (!h.scan_in_progress) {
      $('s-scan').textContent = h.last_scan_at ? 'last ' + BB.clock(h.last_scan_at) : 'idle';
    }
    status($('s-broker'), b.connected, BB.show(b.name) + (b.connected ? ' connected' : ' disconnected')
      + (b.message ? ' · ' + b.message : ''));
    var md = h.market_data || {};
    $('sim-banner').hidden = md.simulated !== true; // stays up as long as the prices are simulated
    $('sim-detail').textContent = md.description || '';
    var am = h.account_mode || {};
    $('account-banner').hidden = am.tradable !== false;
    $('account-banner').textContent = am.tradable === false ? 'Read-only, nothing is sent: ' + BB.show(am.reason) : '';
    var warnings = h.warnings || [];   // e.g. an unprotected position, until its stop is re-armed or it is closed
    $('warnings-banner').hidden = warnings.length === 0;
    $('warnings-banner').textContent = warnings.join(' · ');
    status($('s-ai'), a.connected, BB.show(a.provider) + (a.message ? ' · ' + a.message : ''));
    status($('s-kill'), !h.kill_switch_engaged, h.kill_switch_engaged ? 'ENGAGED' : 'released');
    $('btn-kill').hidden = h.kill_switch_engaged;
    $('btn-release').hidden = !h.kill_switch_engaged;
    $('btn-start').hidden = h.trading_loop_active;
    $('btn-stop').hidden = !h.trading_loop_active;
  }

  function renderLicense(l) {
    status($('s-license'), l.valid, l.status + ' · ' + l.mode);
    BB.setup.showLicense(l);
  }

  function loadStatus() {
    return Promise.all([BB.get('api/health'), BB.get('api/license')]).then(function (r) {
      health = r[0];
      renderHealth();
      renderLicense(r[1]);
    });
  }

  // ---------------------------------------------------------------- tabs
  function seenSetup() {
    try { return window.localStorage.getItem('bb.setup-seen') === '1'; } catch (e) { return false; }
  }

  function select(name, focus) {
    current = name;
    if (name === 'setup') {
      try { window.localStorage.setItem('bb.setup-seen', '1'); } catch (e) { /* storage off: the wizard shows again */ }
    }
    tabs.forEach(function (t) {
      var tab = $('tab-' + t), page = $('page-' + t), on = t === name;
      tab.setAttribute('aria-selected', on ? 'true' : 'false');
      tab.tabIndex = on ? 0 : -1;
      page.hidden = !on;
    });
    if (focus) { $('tab-' + name).focus(); }
    if (dirty[name] === true) { reload(name); }
  }

  function reload(name) {
    dirty[name] = false;
    return loaders[name]().catch(P.fail);
  }

  /** An event changed `name`: reload it now (coalesced) if shown, else when it is next shown. */
  function changed(name) {
    if (name !== current) { dirty[name] = true; return; }
    if (pendingReload[name]) { return; }
    pendingReload[name] = setTimeout(function () { pendingReload[name] = null; reload(name); }, 250);
  }

  function initTabs() {
    tabs.forEach(function (t, i) {
      var tab = $('tab-' + t);
      tab.addEventListener('click', function () { select(t, false); });
      tab.addEventListener('keydown', function (e) {
        var next = e.key === 'ArrowRight' ? i + 1 : e.key === 'ArrowLeft' ? i - 1 : e.key === 'Home' ? 0 : e.key === 'End' ? tabs.length - 1 : null;
        if (next === null) { return; }
        e.preventDefault();
        select(tabs[(next + tabs.length) % tabs.length], true);
      });
    });
  }

  // ---------------------------------------------------------------- actions
  function action(button, method, path, body, done) {
    button.disabled = true;
    BB.message('');
    BB.api(method, path, body).then(function (r) { if (done) { done(r); } })
      .catch(function (e) { BB.message(e.message); })
      .then(function () { button.disabled = false; });
  }

  function initActions() {
    $('btn-scan').addEventListener('click', function () {
      action($('btn-scan'), 'POST', 'api/scan', undefined, function (r) {
        BB.message('Scan done: ' + r.decisions.length + ' setups looked at.', true);
      });
    });
    $('btn-start').addEventListener('click', function () { action($('btn-start'), 'POST', 'api/trading/start'); });
    $('btn-stop').addEventListener('click', function () { action($('btn-stop'), 'POST', 'api/trading/stop'); });
    $('btn-release').addEventListener('click', function () { action($('btn-release'), 'DELETE', 'api/kill-switch'); });
    $('btn-audit-refresh').addEventListener('click', function () { reload('audit'); });
    var dialog = $('kill-dialog');
    $('btn-kill').addEventListener('click', function () {
      $('kill-reason').value = '';
      $('kill-cancel').checked = false;
      $('kill-flatten').checked = false;
      $('kill-flatten-confirm').value = '';
      $('flatten-confirm-field').hidden = true;
      dialog.showModal();
      $('kill-reason').focus();
    });
    $('kill-flatten').addEventListener('change', function () { $('flatten-confirm-field').hidden = !$('kill-flatten').checked; });
    $('kill-form').addEventListener('submit', function (e) {
      var submitter = e.submitter || document.activeElement;
      if (!submitter || submitter.value !== 'engage') { return; }
      var body = { cancel_open_orders: $('kill-cancel').checked };
      if ($('kill-reason').value.trim()) { body.reason = $('kill-reason').value.trim(); }
      if ($('kill-flatten').checked) {
        if ($('kill-flatten-confirm').value !== 'FLATTEN') {
          e.preventDefault();
          $('kill-flatten-confirm').setAttribute('aria-invalid', 'true');
          $('kill-flatten-confirm').focus();
          return;
        }
        body.flatten = true;
        body.confirm = 'FLATTEN';
      }
      action($('btn-kill'), 'POST', 'api/kill-switch', body);
    });
  }

  // ---------------------------------------------------------------- events
  function setHealth(patch) {
    if (!health) { return; }
    patch(health);
    renderHealth();
  }

  var handlers = {
    'proposal.created': function (e) { P.proposalChanged(e.proposal); },
    'proposal.status_changed': function (e) {
      P.proposalChanged(e.proposal);
      if (e.to === 'executing' || e.to === 'executed' || e.to === 'failed') { changed('positions'); }
      if (e.to === 'rejected' || e.to === 'approved') { changed('trades'); }
    },
    'order.updated': function () { changed('positions'); },
    'portfolio.marked': function (e) {
      if (current === 'positions' && dirty.positions === false && P.marked(e.portfolio)) { return; }
      changed('positions');
    },
    'order.leg': function () { changed('positions'); },
    'order.fill': function () { changed('positions'); },
    'position.opened': function (e) { BB.message('Position opened: ' + e.symbol + ' ' + e.quantity + ' at ' + e.price, true); changed('positions'); changed('audit'); },
    'position.closed': function (e) { BB.message('Position closed: ' + e.symbol + ' (' + e.reason + ')', true); changed('positions'); changed('trades'); changed('audit'); },
    'scan.started': function (e) {
      setHealth(function (h) { h.scan_in_progress = true; });
      $('s-scan').textContent = 'starting (' + e.symbols + ' symbols)';
    },
    'scan.progress': function (e) {
      $('s-scan').textContent = (e.phase === 'advising' ? 'asking the advisor ' : 'scanning ') + e.done + '/' + e.total + ' ' + e.symbol;
    },
    'scan.finished': function (e) {
      setHealth(function (h) { h.scan_in_progress = false; h.last_scan_at = e.time; h.next_scan_at = e.next_scan_at; });
      $('s-scan').textContent = 'done: ' + e.symbols_scanned + ' symbols, ' + e.proposals + ' proposal(s)' + (e.errors.length ? ', ' + e.errors.length + ' error(s)' : '');
      changed('activity');
      changed('audit');
    },
    'trading.loop': function (e) { setHealth(function (h) { h.trading_loop_active = e.active; h.next_scan_at = e.next_scan_at; }); },
    'health.broker': function (e) { setHealth(function (h) { h.services.broker = { name: e.name, connected: e.connected, message: e.message }; }); },
    'health.ai': function (e) { setHealth(function (h) { h.services.ai = { provider: e.name, connected: e.connected, message: e.message }; }); },
    'health.license': function (e) { renderLicense(e.license); },
    'kill_switch.engaged': function (e) {
      setHealth(function (h) { h.kill_switch_engaged = true; });
      BB.message('Kill switch engaged: ' + e.reason);
      changed('audit'); // its notification
    },
    'kill_switch.released': function () { setHealth(function (h) { h.kill_switch_engaged = false; }); BB.message('Kill switch released.', true); },
    'warning': function (e) { BB.message('Warning: ' + e.message); changed('positions'); },
    'position.protection': function () {
      changed('positions');
      BB.get('api/health').then(function (h) { health = h; renderHealth(); }).catch(P.fail); // its warnings
    },
    'trade.action': function () { changed('positions'); changed('trades'); }
  };

  /** (Re)loads the whole state: at the start and after each (re)connection of the stream. */
  function reloadAll() {
    tabs.forEach(function (t) { dirty[t] = true; });
    return loadStatus().then(function () { return reload(current); }).catch(P.fail);
  }

  function start() {
    initTabs();
    initActions();
    P.initProposals();
    P.initActivity();
    BB.setup.init();
    BB.loadRoutes().catch(P.fail).then(follow);
    BB.onLicensed = function () { loadStatus(); };
  }

  function follow() {
    var first = true;
    function firstLoad() {
      if (!first) { return; }
      first = false;
      // the wizard opens while setup is incomplete, and on a first start: a desk with no proposal yet whose
      // page this browser has never shown the wizard of (a desk on its defaults counts as set up)
      Promise.all([BB.get('api/setup/status'), BB.get('api/proposals?limit=1')]).then(function (r) {
        var fresh = !r[1].proposals.length && !seenSetup();
        if (r[0].missing.length || fresh) { select('setup', false); }
        return reloadAll();
      }).catch(function () { return reloadAll(); });
    }
    BB.follow(handlers, function () {
      if (first) { firstLoad(); } else { reloadAll(); }
    }, reloadAll, function (state) {
      var live = $('live');
      live.textContent = state;
      live.className = 'pill ' + (state === 'live' ? 'ok' : 'bad');
      if (state === 'disconnected') { firstLoad(); }   // e.g. refused while the license is invalid
    });
  }

  document.addEventListener('DOMContentLoaded', start);
}());
