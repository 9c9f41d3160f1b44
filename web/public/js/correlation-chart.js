// One pair's correlation windows (one line per window) with TradingView lightweight-charts: the usual range of the
// focused window as a shaded band, breakdown / recoupling / sign-flip markers per window, and a hover readout with
// the value, the band and both legs' volatilities.
import { chartTime, formatDate } from './format.js';

const LWC = window.LightweightCharts;
const COLORS = ['#f7c948', '#4fc3f7', '#ba68c8', '#81c784', '#ff8a65'];
const BACKGROUND = '#121722';
const MARKER = {
  CorrelationBreakdown: { shape: 'arrowDown', color: '#ef5350', position: 'aboveBar', text: 'B' },
  Recoupling: { shape: 'arrowUp', color: '#26a69a', position: 'belowBar', text: 'R' },
  CorrelationSignFlip: { shape: 'circle', color: '#b0bec5', position: 'inBar', text: '±' },
};

export const MARKER_KINDS = Object.keys(MARKER);

export class CorrelationChart {
  constructor(container, legend, tooltip) {
    this.container = container;
    this.legend = legend;
    this.tooltip = tooltip;
    this.updates = 0;
    this.focus = null;
    this.volatility = null;
    this.chart = LWC.createChart(container, {
      autoSize: true,
      layout: { background: { color: BACKGROUND }, textColor: '#9aa5b5', attributionLogo: false },
      grid: { vertLines: { color: '#1a2030' }, horzLines: { color: '#1a2030' } },
      rightPriceScale: { borderColor: '#1f2633' },
      timeScale: { borderColor: '#1f2633', timeVisible: false, minBarSpacing: 0.01 },
      crosshair: { mode: LWC.CrosshairMode.Normal },
    });
    // The band: the area under the upper edge in the band colour, the area under the lower edge in the background.
    const band = { priceFormat: { type: 'price', precision: 3, minMove: 0.001 }, lastValueVisible: false, priceLineVisible: false, crosshairMarkerVisible: false };
    this.bandUpper = this.chart.addSeries(LWC.AreaSeries, { ...band, lineColor: '#4fc3f766', lineWidth: 1, topColor: '#4fc3f733', bottomColor: '#4fc3f733' });
    this.bandLower = this.chart.addSeries(LWC.AreaSeries, { ...band, lineColor: '#4fc3f766', lineWidth: 1, topColor: BACKGROUND, bottomColor: BACKGROUND });
    this.zero = null;
    this.lines = new Map();
    this.chart.subscribeCrosshairMove(param => this.hover(param));
    this.chart.timeScale().subscribeVisibleTimeRangeChange(range => {
      container.dataset.visibleFrom = range ? String(range.from) : '';
      container.dataset.visibleTo = range ? String(range.to) : '';
    });
  }

  // windows: [{ key, window, label }]; focus: the key whose band is drawn.
  reset(windows, focus) {
    for (const line of this.lines.values()) this.chart.removeSeries(line.series);
    this.lines.clear();
    this.legend.replaceChildren();
    this.focus = focus;
    this.bandUpper.setData([]);
    this.bandLower.setData([]);
    windows.forEach((w, i) => {
      const color = COLORS[i % COLORS.length];
      const series = this.chart.addSeries(LWC.LineSeries, {
        color, lineWidth: w.key === focus ? 3 : 2, priceFormat: { type: 'price', precision: 3, minMove: 0.001 }, title: w.label,
      });
      if (i === 0) series.createPriceLine({ price: 0, color: '#5c6778', lineWidth: 1, lineStyle: LWC.LineStyle.Dotted, axisLabelVisible: false });
      const markers = LWC.createSeriesMarkers(series, []);
      const item = document.createElement('span');
      item.className = 'item';
      item.dataset.testid = `corr-${w.window}`;
      item.dataset.key = w.key;
      item.dataset.markers = '0';
      item.innerHTML = `<span class="swatch" style="background:${color}"></span><span>${w.label}</span><span class="v" data-testid="corr-value-${w.window}">–</span><span class="st"></span>`;
      this.legend.append(item);
      this.lines.set(w.key, { series, markers, lastTime: null, item, points: 0, history: new Map(), window: w.window });
    });
    this.updates = 0;
    this.publish();
  }

  setSnapshot(key, snapshot) {
    const line = this.lines.get(key);
    if (!line) return;
    const data = [];
    const upper = [];
    const lower = [];
    line.history.clear();
    for (const p of snapshot.history ?? []) {
      if (!pushPoint(data, p.timeMs, p.value)) continue;
      line.history.set(chartTime(p.timeMs), p);
      if (key === this.focus && Number.isFinite(p.bandLower) && Number.isFinite(p.bandUpper)) {
        upper.push({ time: chartTime(p.timeMs), value: p.bandUpper });
        lower.push({ time: chartTime(p.timeMs), value: p.bandLower });
      }
    }
    const live = snapshot.live ?? snapshot.committed;
    if (live && Number.isFinite(live.correlation)) pushPoint(data, live.barStartMs, live.correlation);
    if (key === this.focus && Number.isFinite(snapshot.bandLower) && Number.isFinite(snapshot.bandUpper) && data.length) {
      // The band the next close will be judged against, drawn at the live bar.
      const t = data[data.length - 1].time;
      if (!upper.length || upper[upper.length - 1].time < t) {
        upper.push({ time: t, value: snapshot.bandUpper });
        lower.push({ time: t, value: snapshot.bandLower });
      }
      this.liveBand = { lower: snapshot.bandLower, upper: snapshot.bandUpper };
    }
    line.series.setData(data);
    if (key === this.focus) {
      this.bandUpper.setData(upper);
      this.bandLower.setData(lower);
      this.container.dataset.bandPoints = String(upper.length);
    }
    line.points = data.length;
    line.lastTime = data.length ? data[data.length - 1].time : null;
    this.showValue(line, data.length ? data[data.length - 1].value : null, snapshot.state);
    this.publish();
  }

  update(key, timeMs, value) {
    const line = this.lines.get(key);
    if (!line || value === null || !Number.isFinite(value)) return;
    const time = chartTime(timeMs);
    if (line.lastTime !== null && time < line.lastTime) return;
    line.series.update({ time, value });
    if (line.lastTime !== time) line.points++;
    line.lastTime = time;
    this.updates++;
    this.showValue(line, value);
    this.publish();
  }

  // events: the feed's events shown for this pair and mode (already filtered); one marker per event on its window.
  setMarkers(events) {
    for (const [key, line] of this.lines) {
      const markers = events
        .filter(e => MARKER[e.kind] && e.pairKey === key)
        .sort((a, b) => a.timeMs - b.timeMs || a.sequence - b.sequence)
        .map(e => ({ time: chartTime(e.timeMs), id: String(e.sequence), ...MARKER[e.kind], text: MARKER[e.kind].text }));
      line.markers.setMarkers(markers);
      line.item.dataset.markers = String(markers.length);
    }
  }

  setState(key, state) {
    const line = this.lines.get(key);
    if (line) this.showValue(line, null, state);
  }

  // Closes of both legs, to show their volatility over the hovered window: { a: Map(time → close), b: ..., names }.
  setLegs(legs) { this.volatility = legs; }

  // Moves the view to 45 days either side of `timeMs` (UTC ms).
  focusOn(timeMs) {
    const t = chartTime(timeMs);
    const half = 86400 * 45;
    this.chart.timeScale().setVisibleRange({ from: t - half, to: t + half });
    this.tooltip.dataset.focused = String(t);
  }

  setRange(fromSeconds, toSeconds) {
    if (fromSeconds === null) this.chart.timeScale().fitContent();
    else this.chart.timeScale().setVisibleRange({ from: fromSeconds, to: toSeconds });
  }

  lastTime() {
    let last = null;
    for (const l of this.lines.values()) if (l.lastTime !== null) last = Math.max(last ?? 0, l.lastTime);
    return last;
  }

  hover(param) {
    if (!param.time || !param.point) {
      this.tooltip.hidden = true;
      return;
    }
    const rows = [formatDate(param.time * 1000)];
    for (const line of this.lines.values()) {
      const v = param.seriesData.get(line.series)?.value;
      if (v !== undefined) rows.push(`${line.window}-bar ${v.toFixed(3)}`);
    }
    const focused = this.lines.get(this.focus);
    const p = focused?.history.get(param.time);
    const band = p && Number.isFinite(p.bandLower) ? p : (param.time === focused?.lastTime ? this.liveBand : null);
    if (band) rows.push(`usual range ${(band.bandLower ?? band.lower).toFixed(3)} – ${(band.bandUpper ?? band.upper).toFixed(3)}`);
    const vol = this.legVolatility(param.time, focused?.window);
    if (vol) rows.push(`vol ${vol.nameA} ${pct(vol.a)} · ${vol.nameB} ${pct(vol.b)} per bar`);
    this.tooltip.textContent = rows.join('  ·  ');
    this.tooltip.hidden = false;
  }

  // Sample standard deviation of both legs' log returns over the `window` pair bars ending at `time`.
  legVolatility(time, window) {
    const legs = this.volatility;
    if (!legs || !window) return null;
    const ra = [];
    const rb = [];
    let prev = null;
    for (const t of legs.times) {
      if (t > time) break;
      const a = legs.a.get(t);
      const b = legs.b.get(t);
      if (prev && a > 0 && b > 0) {
        ra.push(Math.log(a / prev.a));
        rb.push(Math.log(b / prev.b));
      }
      prev = { a, b };
    }
    if (ra.length < window) return null;
    return { nameA: legs.nameA, nameB: legs.nameB, a: stdev(ra.slice(-window)), b: stdev(rb.slice(-window)) };
  }

  showValue(line, value, state) {
    if (value !== null && value !== undefined) line.item.querySelector('.v').textContent = value.toFixed(3);
    if (state) {
      const st = line.item.querySelector('.st');
      st.textContent = state;
      st.className = `st state-${state}`;
    }
  }

  publish() {
    let points = 0;
    for (const l of this.lines.values()) points += l.points;
    this.container.dataset.updates = String(this.updates);
    this.container.dataset.points = String(points);
  }
}

function pushPoint(data, timeMs, value) {
  if (value === null || value === undefined || !Number.isFinite(value)) return false;
  const time = chartTime(timeMs);
  if (data.length && data[data.length - 1].time >= time) {
    if (data[data.length - 1].time === time) data[data.length - 1].value = value;
    return false;
  }
  data.push({ time, value });
  return true;
}

function stdev(xs) {
  const m = xs.reduce((s, x) => s + x, 0) / xs.length;
  return Math.sqrt(xs.reduce((s, x) => s + (x - m) ** 2, 0) / (xs.length - 1));
}

function pct(x) { return `${(x * 100).toFixed(2)}%`; }
