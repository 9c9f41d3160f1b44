// The market's history: RUT against TOTAL3 (two price scales), BTC.D / ETH.D / USDT.D with their configured levels,
// and the Altcoin Season Index with its season thresholds. Filled from GET /api/history/{symbol}, moved by the hub.
import { chartTime } from './format.js';

const LWC = window.LightweightCharts;

const BASE = {
  autoSize: true,
  layout: { background: { color: '#121722' }, textColor: '#9aa5b5', attributionLogo: false },
  grid: { vertLines: { color: '#1a2030' }, horzLines: { color: '#1a2030' } },
  rightPriceScale: { borderColor: '#1f2633' },
  leftPriceScale: { borderColor: '#1f2633' },
  timeScale: { borderColor: '#1f2633', minBarSpacing: 0.01 },
  crosshair: { mode: LWC.CrosshairMode.Normal },
};

export const SERIES = {
  RUT: { chart: 'prices', color: '#f7c948', scale: 'left', title: 'RUT' },
  TOTAL3: { chart: 'prices', color: '#4fc3f7', scale: 'right', title: 'TOTAL3', format: v => `${(v / 1e9).toFixed(0)}B` },
  'BTC.D': { chart: 'dominance', color: '#f7931a', scale: 'right', title: 'BTC.D' },
  'ETH.D': { chart: 'dominance', color: '#8c9eff', scale: 'right', title: 'ETH.D' },
  'USDT.D': { chart: 'dominance', color: '#26a69a', scale: 'right', title: 'USDT.D' },
  ASI: { chart: 'asi', color: '#f7c948', scale: 'right', title: 'ASI' },
};

export class MarketCharts {
  // containers: { prices, dominance, asi } elements.
  constructor(containers) {
    this.containers = containers;
    this.charts = {};
    this.series = new Map();
    for (const [name, el] of Object.entries(containers)) {
      const leftVisible = name === 'prices';
      this.charts[name] = LWC.createChart(el, { ...BASE, leftPriceScale: { ...BASE.leftPriceScale, visible: leftVisible } });
    }
    for (const [symbol, s] of Object.entries(SERIES)) {
      const options = { color: s.color, lineWidth: 2, priceScaleId: s.scale, title: s.title };
      if (s.format) options.priceFormat = { type: 'custom', formatter: s.format, minMove: 1 };
      if (s.chart === 'dominance') options.visible = symbol === 'BTC.D';
      const series = this.charts[s.chart].addSeries(LWC.LineSeries, options);
      this.series.set(symbol, { series, lastTime: null, points: 0 });
    }
  }

  // levels: { 'BTC.D': [50, 55, ...], ... } (percent); seasons: { bitcoin: 25, altcoin: 75 }.
  setThresholds(levels, seasons) {
    for (const [symbol, list] of Object.entries(levels ?? {})) {
      const s = this.series.get(symbol);
      if (!s) continue;
      for (const level of list) {
        s.series.createPriceLine({ price: level, color: `${SERIES[symbol].color}88`, lineWidth: 1, lineStyle: LWC.LineStyle.Dashed, axisLabelVisible: true });
      }
      const name = symbol.replace('.D', '').toLowerCase();
      this.containers.dominance.dataset[`levels${name[0].toUpperCase()}${name.slice(1)}`] = String(list.length);
    }
    const asi = this.series.get('ASI').series;
    asi.createPriceLine({ price: seasons.bitcoin, color: '#f7931a', lineWidth: 1, lineStyle: LWC.LineStyle.Dashed, axisLabelVisible: true, title: 'Bitcoin season' });
    asi.createPriceLine({ price: seasons.altcoin, color: '#26a69a', lineWidth: 1, lineStyle: LWC.LineStyle.Dashed, axisLabelVisible: true, title: 'Altcoin season' });
    this.containers.asi.dataset.thresholds = `${seasons.bitcoin},${seasons.altcoin}`;
  }

  // One dominance series at a time, so that its levels and its scale fit the chart.
  showDominance(symbol) {
    for (const [key, s] of this.series) {
      if (SERIES[key].chart === 'dominance') s.series.applyOptions({ visible: key === symbol });
    }
    this.containers.dominance.dataset.shown = symbol;
  }

  setHistory(symbol, points) {
    const s = this.series.get(symbol);
    if (!s) return;
    const data = [];
    for (const p of points) {
      const time = chartTime(p.timeMs);
      if (!Number.isFinite(p.value) || (data.length && data[data.length - 1].time >= time)) continue;
      data.push({ time, value: p.value });
    }
    s.series.setData(data);
    s.points = data.length;
    s.lastTime = data.length ? data[data.length - 1].time : null;
    this.publish();
  }

  // A live value at the bar starting at `barStartMs`.
  update(symbol, barStartMs, value) {
    const s = this.series.get(symbol);
    if (!s || !Number.isFinite(value)) return;
    const time = chartTime(barStartMs);
    if (s.lastTime !== null && time < s.lastTime) return;
    s.series.update({ time, value });
    if (s.lastTime !== time) s.points++;
    s.lastTime = time;
    this.publish();
  }

  setRange(fromSeconds, toSeconds) {
    for (const chart of Object.values(this.charts)) {
      if (fromSeconds === null) chart.timeScale().fitContent();
      else chart.timeScale().setVisibleRange({ from: fromSeconds, to: toSeconds });
    }
  }

  focusOn(timeMs, halfSpanSeconds) {
    const t = chartTime(timeMs);
    for (const chart of Object.values(this.charts)) chart.timeScale().setVisibleRange({ from: t - halfSpanSeconds, to: t + halfSpanSeconds });
  }

  publish() {
    for (const [name, el] of Object.entries(this.containers)) {
      let points = 0;
      for (const [symbol, s] of this.series) if (SERIES[symbol].chart === name) points += s.points;
      el.dataset.points = String(points);
    }
  }
}
