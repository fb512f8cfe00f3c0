// BrokerBridge dashboard: the API and the live event stream. Plain DOM and fetch, no framework.
// Text is always inserted with textContent: nothing the server or a provider sends is parsed as HTML.
(function () {
  'use strict';
  var BB = window.BB = window.BB || {};

  /** An API error: message from the server, status, and the error's details (e.g. 422 field errors). */
  function ApiError(status, body) {
    var e = body && body.error ? body.error : {};
    this.name = 'ApiError';
    this.status = status;
    this.code = e.code || 'http_' + status;
    this.message = e.message || 'HTTP ' + status;
    this.details = e;
  }
  ApiError.prototype = Object.create(Error.prototype);
  BB.ApiError = ApiError;

  /** One API call; resolves with the parsed JSON, rejects with an ApiError. */
  BB.api = function (method, path, body) {
    var init = { method: method, headers: { 'Accept': 'application/json' }, credentials: 'same-origin' };
    if (body !== undefined) {
      init.headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    BB.requests = (BB.requests || 0) + 1;
    return fetch(path, init).then(function (res) {
      return res.text().then(function (text) {
        var data = null;
        try { data = text ? JSON.parse(text) : null; } catch (err) { data = null; }
        if (!res.ok) { throw new ApiError(res.status, data); }
        return data;
      });
    });
  };
  BB.get = function (path) { return BB.api('GET', path); };
  /** The desk's time now (its clock may differ from this browser's). */
  BB.now = function () { return Date.now() + (BB.skew || 0); };
  /** The routes this server has, from /openapi.json (a static file, not counted by the rate limit). */
  BB.loadRoutes = function () {
    return fetch('openapi.json', { credentials: 'same-origin' }).then(function (r) { return r.json(); }).then(function (doc) {
      var set = {};
      Object.keys(doc.paths).forEach(function (p) {
        Object.keys(doc.paths[p]).forEach(function (m) { set[m.toUpperCase() + ' ' + p] = true; });
      });
      BB.routes = set;
    });
  };
  /** Whether the server has this route, e.g. BB.has('GET /api/positions'). */
  BB.has = function (route) { return !!(BB.routes && BB.routes[route]); };
  BB.post = function (path, body) { return BB.api('POST', path, body === undefined ? {} : body); };

  /**
   * Follows GET /api/events. Calls handlers[type](event) for each event, onReady(ready) after the replay
   * (the page reloads its state then), onGap() when ids jump (events were dropped), onState(text) for the
   * connection. The browser reconnects by itself with Last-Event-ID; after a refusal (403, 429, 503) the
   * stream is reopened after a back-off, never in a loop.
   */
  BB.follow = function (handlers, onReady, onGap, onState) {
    var last = 0;
    var backoff = 2000;
    var source = null;
    var timer = null;
    function open() {
      timer = null;
      BB.requests = (BB.requests || 0) + 1;
      source = new EventSource('api/events');
      source.addEventListener('open', function () { onState('live'); backoff = 2000; });
      source.addEventListener('ready', function (m) {
        var ready = JSON.parse(m.data);
        last = ready.last_event_id;
        if (ready.server_time) { BB.skew = Date.parse(ready.server_time) - Date.now(); }
        onReady(ready);
      });
      source.addEventListener('error', function () {
        if (source.readyState === EventSource.CLOSED) {
          onState('disconnected');
          source.close();
          if (!timer) { timer = setTimeout(open, backoff); backoff = Math.min(backoff * 2, 60000); }
        } else {
          onState('reconnecting…');
        }
      });
      Object.keys(handlers).forEach(function (type) {
        source.addEventListener(type, function (m) {
          var e = JSON.parse(m.data);
          if (last && e.id > last + 1) { onGap(); }
          if (e.id > last) { last = e.id; }
          handlers[type](e);
        });
      });
    }
    open();
    return {
      reopen: function () { if (source) { source.close(); } if (timer) { clearTimeout(timer); } open(); }
    };
  };

  // small DOM helpers shared by the panels
  BB.$ = function (id) { return document.getElementById(id); };
  BB.el = function (tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    if (cls) { e.className = cls; }
    return e;
  };
  BB.show = function (v) { return v === undefined || v === null || v === '' ? '—' : String(v); };
  BB.num = function (v, digits) { return typeof v === 'number' ? v.toFixed(digits) : BB.show(v); };
  BB.money = function (v) {
    if (typeof v !== 'number') { return BB.show(v); }
    return (v < 0 ? '−' : '') + Math.abs(v).toLocaleString(undefined, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  };
  BB.when = function (iso) {
    if (!iso) { return '—'; }
    var d = new Date(iso);
    return isNaN(d.getTime()) ? String(iso) : d.toLocaleString();
  };
  BB.clock = function (iso) {
    if (!iso) { return '—'; }
    var d = new Date(iso);
    return isNaN(d.getTime()) ? String(iso) : d.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  };
  BB.cell = function (tr, text, cls) { var td = BB.el('td', text, cls); tr.appendChild(td); return td; };
  BB.button = function (label, onClick, cls) {
    var b = BB.el('button', label, cls);
    b.type = 'button';
    b.addEventListener('click', onClick);
    return b;
  };
  BB.clear = function (node) { while (node.firstChild) { node.removeChild(node.firstChild); } return node; };
  /** Shows a message in the status bar; errors stay until the next message. */
  BB.message = function (text, info) {
    var m = BB.$('message');
    m.textContent = text || '';
    m.className = info ? 'info' : '';
    m.hidden = !text;
  };
}());
