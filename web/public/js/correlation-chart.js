// Live chart of one pair's correlation windows (one line per window) with TradingView lightweight-charts.
const LWC = window.LightweightCharts;
const COLORS = ['#f7c948', '#4fc3f7', '#ba68c8', '#81c784', '#ff8a65'];

export class CorrelationChart {
  constructor(container, legend) {
    this.container = container;
    this.legend = legend;
    this.updates = 0;
    this.chart = LWC.createChart(container, {
      autoSize: true,
      layout: { background: { color: '#121722' }, textColor: '#7d8898' },
      grid: { vertLines: { color: '#1a2030' }, horzLines: { color: '#1a2030' } },
      rightPriceScale: { borderColor: '#1f2633' },
      timeScale: { borderColor: '#1f2633', timeVisible: true, secondsVisible: true },
      crosshair: { mode: LWC.CrosshairMode.Normal },
    });
    this.lines = new Map();
  }

  // windows: [{ key, window, label }]
  reset(windows) {
    for (const line of this.lines.values()) this.chart.removeSeries(line.series);
    this.lines.clear();
    this.legend.replaceChildren();
    windows.forEach((w, i) => {
      const color = COLORS[i % COLORS.length];
      const series = this.chart.addSeries(LWC.LineSeries, {
        color, lineWidth: 2, priceFormat: { type: 'price', precision: 3, minMove: 0.001 }, title: w.label,
      });
      const item = document.createElement('span');
      item.className = 'item';
      item.dataset.testid = `corr-${w.window}`;
      item.innerHTML = `<span class="swatch" style="background:${color}"></span><span>${w.label}</span><span class="v" data-testid="corr-value-${w.window}">–</span><span class="st"></span>`;
      this.legend.append(item);
      this.lines.set(w.key, { series, lastTime: null, item, points: 0 });
    });
    this.updates = 0;
    this.publish();
  }

  setSnapshot(key, snapshot) {
    const line = this.lines.get(key);
    if (!line) return;
    const data = [];
    for (const p of snapshot.history ?? []) pushPoint(data, p.timeMs, p.value);
    const live = snapshot.live ?? snapshot.committed;
    if (live && live.correlation !== null && live.correlation !== undefined) pushPoint(data, live.barStartMs, live.correlation);
    line.series.setData(data);
    line.points = data.length;
    line.lastTime = data.length ? data[data.length - 1].time : null;
    this.showValue(line, data.length ? data[data.length - 1].value : null, snapshot.state);
    this.publish();
  }

  update(key, timeMs, value) {
    const line = this.lines.get(key);
    if (!line || value === null || !Number.isFinite(value)) return;
    const time = Math.floor(timeMs / 1000);
    if (line.lastTime !== null && time < line.lastTime) return;
    line.series.update({ time, value });
    if (line.lastTime !== time) line.points++;
    line.lastTime = time;
    this.updates++;
    this.showValue(line, value);
    this.publish();
  }

  setState(key, state) {
    const line = this.lines.get(key);
    if (line) this.showValue(line, null, state);
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
  if (value === null || value === undefined || !Number.isFinite(value)) return;
  const time = Math.floor(timeMs / 1000);
  if (data.length && data[data.length - 1].time >= time) {
    if (data[data.length - 1].time === time) data[data.length - 1].value = value;
    return;
  }
  data.push({ time, value });
}
