// Charts with uPlot (bundled in the jar, served from /vendor): a proposal's candles with its entry, stop
// and target lines (stop and target can be dragged), the equity curve and the daily P&L bars.
(function () {
  'use strict';
  var BB = window.BB = window.BB || {};
  var UP = '#1a7f37';
  var DOWN = '#cf222e';
  var LEVELS = { entry: '#0969da', stop: DOWN, target: UP };

  /** The chart's width: its box's, which follows the page (the canvas inside never widens the box). */
  function width(node) { return Math.max(200, Math.min(node.clientWidth || 600, 900)); }

  /**
   * A candlestick chart of `bars` ({time, open, high, low, close}) in `node`, with horizontal lines at
   * levels.entry/stop/target. Dragging the stop or target line calls onDrag(name, price).
   * Returns {setLevel(name, price)}.
   */
  BB.candles = function (node, bars, levels, onDrag) {
    var xs = [], o = [], h = [], l = [], c = [];
    bars.forEach(function (b) {
      xs.push(Date.parse(b.time) / 1000); o.push(b.open); h.push(b.high); l.push(b.low); c.push(b.close);
    });
    var lv = { entry: levels.entry, stop: levels.stop, target: levels.target };

    function yRange(u, min, max) {
      var lo = Math.min(min, lv.stop, lv.target, lv.entry);
      var hi = Math.max(max, lv.stop, lv.target, lv.entry);
      var pad = (hi - lo) * 0.06 || 1;
      return [lo - pad, hi + pad];
    }

    function draw(u) {
      var ctx = u.ctx;
      ctx.save();
      var colW = Math.max(1, (u.bbox.width / Math.max(1, xs.length)) * 0.6);
      for (var i = 0; i < xs.length; i++) {
        var x = Math.round(u.valToPos(xs[i], 'x', true));
        var yo = u.valToPos(o[i], 'y', true), yc = u.valToPos(c[i], 'y', true);
        var yh = u.valToPos(h[i], 'y', true), yl = u.valToPos(l[i], 'y', true);
        ctx.strokeStyle = ctx.fillStyle = c[i] >= o[i] ? UP : DOWN;
        ctx.beginPath(); ctx.moveTo(x, yh); ctx.lineTo(x, yl); ctx.stroke();
        ctx.fillRect(x - colW / 2, Math.min(yo, yc), colW, Math.max(1, Math.abs(yc - yo)));
      }
      Object.keys(LEVELS).forEach(function (name) {
        var y = Math.round(u.valToPos(lv[name], 'y', true));
        ctx.strokeStyle = ctx.fillStyle = LEVELS[name];
        ctx.setLineDash(name === 'entry' ? [] : [6, 4]);
        ctx.lineWidth = 2;
        ctx.beginPath(); ctx.moveTo(u.bbox.left, y); ctx.lineTo(u.bbox.left + u.bbox.width, y); ctx.stroke();
        ctx.setLineDash([]);
        ctx.font = (12 * window.devicePixelRatio) + 'px sans-serif';
        ctx.textAlign = 'right';
        ctx.fillText(name + ' ' + lv[name].toFixed(2), u.bbox.left + u.bbox.width - 4, y - 4);
      });
      ctx.restore();
    }

    var opts = {
      width: width(node), height: 240,
      scales: { x: { time: true }, y: { range: yRange } },
      series: [{}, { label: 'open', paths: function () { return null; }, points: { show: false } },
        { label: 'high', paths: function () { return null; }, points: { show: false } },
        { label: 'low', paths: function () { return null; }, points: { show: false } },
        { label: 'close', paths: function () { return null; }, points: { show: false } }],
      legend: { show: true },
      hooks: { draw: [draw] }
    };
    var u = new window.uPlot(opts, [xs, o, h, l, c], node);

    // dragging the stop or the target line
    var dragging = null;
    function near(e) {
      var best = null;
      ['stop', 'target'].forEach(function (name) {
        var y = u.valToPos(lv[name], 'y');
        if (Math.abs(y - e.offsetY) < 8) { best = name; }
      });
      return best;
    }
    u.over.addEventListener('mousedown', function (e) { dragging = near(e); });
    u.over.addEventListener('mousemove', function (e) {
      u.over.classList.toggle('grab', !!(dragging || near(e)));
      if (!dragging) { return; }
      var price = Math.round(u.posToVal(e.offsetY, 'y') * 100) / 100;
      if (price > 0) { lv[dragging] = price; u.redraw(false); onDrag(dragging, price); }
    });
    window.addEventListener('mouseup', function () { dragging = null; });
    window.addEventListener('resize', function () { u.setSize({ width: width(node), height: 240 }); });

    return {
      setLevel: function (name, price) {
        if (typeof price === 'number' && isFinite(price) && price > 0) { lv[name] = price; u.redraw(false); }
      }
    };
  };

  function plain(node, xs, ys, label, bars) {
    BB.clear(node);
    if (!xs.length) { node.appendChild(BB.el('p', 'No closed trade yet.', 'muted')); return; }
    var series = { label: label, stroke: '#0969da', width: 2 };
    if (bars) {
      series.paths = window.uPlot.paths.bars({ size: [0.6, 60] });
      series.fill = 'rgba(9,105,218,0.35)';
    }
    // eslint-disable-next-line no-new
    new window.uPlot({ width: width(node), height: 200, scales: { x: { time: true } }, series: [{}, series] },
      [xs, ys], node);
  }

  /** Cumulative realized P&L after each closed trade (by exit time). */
  BB.equity = function (node, trades) {
    var xs = [], ys = [], sum = 0;
    trades.slice().sort(function (a, b) { return Date.parse(a.exit_time) - Date.parse(b.exit_time); })
      .forEach(function (t) { sum += t.realized_pnl; xs.push(Date.parse(t.exit_time) / 1000); ys.push(Math.round(sum * 100) / 100); });
    plain(node, xs, ys, 'equity', false);
  };

  /** Realized P&L per UTC day. */
  BB.daily = function (node, trades) {
    var days = {};
    trades.forEach(function (t) {
      var d = String(t.exit_time).substring(0, 10);
      days[d] = (days[d] || 0) + t.realized_pnl;
    });
    var keys = Object.keys(days).sort();
    plain(node, keys.map(function (d) { return Date.parse(d + 'T00:00:00Z') / 1000; }),
      keys.map(function (d) { return Math.round(days[d] * 100) / 100; }), 'P&L', true);
  };
}());
