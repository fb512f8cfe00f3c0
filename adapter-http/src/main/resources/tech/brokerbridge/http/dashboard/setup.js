// The setup wizard: AI provider and key, broker and connection test, risk limits, trading mode and
// watchlist, license activation. It drives /api/setup/*, /api/credentials/* and /api/license/*, and shows
// every field error of a 422 (or 400) beside its field.
(function () {
  'use strict';
  var BB = window.BB = window.BB || {};
  var $ = BB.$;
  var S = BB.setup = {};

  function clearErrors(form) {
    var errs = form.querySelectorAll('.error');
    for (var i = 0; i < errs.length; i++) { errs[i].textContent = ''; }
    var bad = form.querySelectorAll('[aria-invalid]');
    for (var j = 0; j < bad.length; j++) { bad[j].removeAttribute('aria-invalid'); }
  }

  function fieldError(field, message) {
    var span = $('err-' + field);
    if (!span) { return false; }
    span.textContent = message;
    var input = span.parentNode.querySelector('input, select, textarea');
    if (input) {
      input.setAttribute('aria-invalid', 'true');
      input.setAttribute('aria-describedby', span.id);
    }
    return true;
  }

  /** Shows an error answer: each field error beside its field, the rest in `result`. */
  function showError(e, result) {
    var listed = e.details && e.details.errors ? e.details.errors : [];
    var placed = 0;
    listed.forEach(function (fe) { if (fieldError(fe.field, fe.message)) { placed++; } });
    if (!listed.length && e.details && e.details.field && fieldError(e.details.field, e.message)) { placed++; }
    result.className = 'bad';
    result.textContent = placed ? e.message + ' (see the fields marked)' : e.message;
  }

  function ok(result, text) { result.className = 'ok'; result.textContent = text; }

  function value(id) { return $(id).value.trim(); }
  function number(id) { var v = $(id).value.trim(); return v === '' ? undefined : Number(v); }
  function put(obj, key, v) { if (v !== undefined && v !== '') { obj[key] = v; } }

  function saveConfig(form, body, result) {
    clearErrors(form);
    return BB.post('api/setup/config', body).then(function (a) {
      ok(result, 'Saved.' + (a.restart_required && a.restart_required.length
        ? ' Takes effect at the next start: ' + a.restart_required.join(', ') + '.' : ''));
      return S.loadStatus();
    }).catch(function (e) { showError(e, result); });
  }

  function fill(c) {
    var ai = c.ai_provider || {}, broker = c.broker || {}, risk = c.risk || {};
    if (ai.provider) { $('ai-provider').value = ai.provider; }
    $('ai-model').value = ai.model || '';
    if (broker.kind) { $('broker-kind').value = broker.kind; }
    $('broker-host').value = broker.host || '';
    $('broker-port').value = broker.port === undefined ? '' : broker.port;
    $('broker-client').value = broker.client_id === undefined ? '' : broker.client_id;
    [['r-size', risk.max_position_size_pct], ['r-open', risk.max_open_trades], ['r-heat', risk.max_portfolio_heat_pct],
      ['r-loss', risk.max_daily_loss_pct], ['r-rr', risk.min_reward_risk], ['r-risk', risk.risk_per_trade_pct],
      ['r-interval', c.scan_interval_minutes], ['r-cands', c.max_ai_candidates], ['r-ttl', c.proposal_ttl_minutes]]
      .forEach(function (kv) { $(kv[0]).value = kv[1] === undefined ? '' : kv[1]; });
    if (c.trading_mode) { $('r-mode').value = c.trading_mode; }
    $('r-watch').value = (c.watchlist || []).join(', ');
  }

  S.loadStatus = function () {
    return BB.get('api/setup/status').then(function (s) {
      var text = s.complete ? 'Setup is complete.' : 'Still to do: ' + s.missing.join(', ') + '.';
      if (s.restart_required && s.restart_required.length) {
        text += ' Restart the desk to apply: ' + s.restart_required.join(', ') + '.';
      }
      $('setup-status').textContent = text;
      return s;
    });
  };

  S.loadLicense = function () {
    return BB.get('api/license').then(S.showLicense);
  };

  S.showLicense = function (l) {
    var text = 'License: ' + l.status + ' (' + l.mode + '). ' + l.reason;
    if (l.status === 'evaluation' && l.expires_at) {
      var days = Math.max(0, Math.ceil((Date.parse(l.expires_at) - BB.now()) / 86400000));
      text += ' Evaluation days left: ' + days + '.';
    }
    $('license-state').textContent = text;
  };

  S.load = function () {
    return Promise.all([BB.get('api/setup/config').then(fill), S.loadStatus(), S.loadLicense()]);
  };

  S.init = function () {
    $('ai-test').addEventListener('click', function () {
      clearErrors($('step-ai'));
      var r = $('ai-result');
      if (!value('ai-key')) { fieldError('credential', 'enter the API key to test'); return; }
      r.textContent = 'Testing…';
      BB.post('api/credentials/test', { provider: $('ai-provider').value, auth_type: 'api_key', credential: value('ai-key') })
        .then(function (t) { if (t.result === 'ok') { ok(r, 'Key works: ' + t.message); } else { r.className = 'bad'; r.textContent = t.result + ': ' + t.message; } })
        .catch(function (e) { showError(e, r); });
    });
    $('ai-save-key').addEventListener('click', function () {
      clearErrors($('step-ai'));
      var r = $('ai-result');
      if (!value('ai-key')) { fieldError('credential', 'enter the API key to save'); return; }
      BB.post('api/credentials/save', { provider: $('ai-provider').value, auth_type: 'api_key', credential: value('ai-key') })
        .then(function (s) { $('ai-key').value = ''; ok(r, 'Key saved in the encrypted vault (' + s.status + ').'); return S.loadStatus(); })
        .catch(function (e) { showError(e, r); });
    });
    $('step-ai').addEventListener('submit', function (e) {
      e.preventDefault();
      var ai = { provider: $('ai-provider').value };
      put(ai, 'model', value('ai-model'));
      saveConfig($('step-ai'), { ai_provider: ai }, $('ai-result'));
    });
    $('broker-test').addEventListener('click', function () {
      clearErrors($('step-broker'));
      var r = $('broker-result');
      r.textContent = 'Connecting…';
      BB.post('api/credentials/ibkr/test', { host: value('broker-host') || '127.0.0.1', port: number('broker-port') || 4002,
        client_id: number('broker-client') === undefined ? 1 : number('broker-client') })
        .then(function (t) {
          if (t.ok) {
            var mode = (t.accounts || []).some(function (a) { return /^D/.test(a); }) ? 'paper account' : 'account';
            ok(r, 'Connected (server version ' + t.server_version + '): ' + mode + ' ' + (t.accounts || []).join(', ') + '. ' + (t.message || ''));
          } else { r.className = 'bad'; r.textContent = t.message; }
        })
        .catch(function (e) { showError(e, r); });
    });
    $('step-broker').addEventListener('submit', function (e) {
      e.preventDefault();
      var b = { kind: $('broker-kind').value };
      put(b, 'host', value('broker-host'));
      put(b, 'port', number('broker-port'));
      put(b, 'client_id', number('broker-client'));
      saveConfig($('step-broker'), { broker: b }, $('broker-result'));
    });
    $('step-risk').addEventListener('submit', function (e) {
      e.preventDefault();
      var risk = {};
      put(risk, 'max_position_size_pct', number('r-size'));
      put(risk, 'max_open_trades', number('r-open'));
      put(risk, 'max_portfolio_heat_pct', number('r-heat'));
      put(risk, 'max_daily_loss_pct', number('r-loss'));
      put(risk, 'min_reward_risk', number('r-rr'));
      put(risk, 'risk_per_trade_pct', number('r-risk'));
      var body = { risk: risk, trading_mode: $('r-mode').value };
      put(body, 'scan_interval_minutes', number('r-interval'));
      put(body, 'max_ai_candidates', number('r-cands'));
      put(body, 'proposal_ttl_minutes', number('r-ttl'));
      var watch = value('r-watch').split(/[\s,]+/).filter(function (s) { return s; }).map(function (s) { return s.toUpperCase(); });
      if (watch.length) { body.watchlist = watch; }
      saveConfig($('step-risk'), body, $('risk-result'));
    });
    $('step-license').addEventListener('submit', function (e) {
      e.preventDefault();
      clearErrors($('step-license'));
      var r = $('license-result');
      BB.post('api/license/activate', { license_key: value('lic-key'), stripe_key: value('lic-stripe') })
        .then(function (l) { $('lic-stripe').value = ''; ok(r, 'Activated.'); S.showLicense(l); if (BB.onLicensed) { BB.onLicensed(); } })
        .catch(function (err) { showError(err, r); });
    });
  };
}());
