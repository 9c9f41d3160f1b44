// Dashboard entry point: loads the universe, thresholds, history and the event log over REST, then follows hub
// topics for live updates. Each view lives in its own module; this file wires them together.
import { MarketConnection } from './market-connection.js';
import { CorrelationChart } from './correlation-chart.js';
import { MarketCharts, SERIES } from './market-charts.js';
import { EventFeed } from './event-feed.js';
import { SourcesView } from './sources-view.js';
import { ClaimsView } from './claims-view.js';
import { formatPrice, pairKey } from './format.js';

const WATCHED = ['RUT', 'BTC', 'ETH', 'TOTAL3'];
const BADGES = ['RUT', 'TOTAL3', 'BTC', 'ETH', 'BTC.D', 'ETH.D', 'USDT.D', 'ASI'];
const MARKET_KEYS = { TOTAL: null, TOTAL2: null, TOTAL3: 'total3', 'BTC.D': 'btcDominance', 'ETH.D': 'ethDominance', 'USDT.D': 'usdtDominance' };
const $ = sel => document.querySelector(sel);

const state = { universe: null, thresholds: null, pair: null, mode: 'Returns', band: null, pairTopics: [], days: 0 };
const chart = new CorrelationChart($('#correlation-chart'), $('#correlation-legend'), $('#correlation-tooltip'));
const markets = new MarketCharts({ prices: $('#chart-prices'), dominance: $('#chart-dominance'), asi: $('#chart-asi') });
const sources = new SourcesView($('#sources'), $('#demo-banner'), BADGES);
const claims = new ClaimsView($('#claims'));
const feed = new EventFeed({
  list: $('#event-feed'), kind: $('#event-filter-kind'), pair: $('#event-filter-pair'), window: $('#event-filter-window'),
  mode: $('#event-filter-mode'), full: $('#event-filter-full'), notify: $('#event-notify'), notifyList: $('#event-notify-list'),
  count: $('#event-count'),
}, selectEvent, showMarkers);
const market = new MarketConnection('/hubs/market', {
  state: setConnectionState,
  snapshot: onSnapshot,
  series: onSeries,
  events: onEvents,
  resync: onResync,
  resume: seq => { $('#connection-state').dataset.resumedFrom = seq === null ? '' : String(seq); },
});

function setConnectionState(s) {
  const el = $('#connection-state');
  el.textContent = s;
  el.dataset.state = s;
  el.className = `conn conn-${s}`;
}

function barStart(ms) {
  const size = state.universe?.barSizeMs ?? 86_400_000;
  return Math.floor(ms / size) * size;
}

function onSnapshot(m) {
  if (m.topic === 'events') {
    onEvents(m.data ?? [], false);
  } else if (m.topic.startsWith('pair:')) {
    chart.setSnapshot(m.topic.slice(5), m.data);
  } else if (m.topic.startsWith('asset:')) {
    setPrice(m.data.symbol, m.data.lastPrice);
    sources.note(m.data.symbol, m.data.source, m.data.asOf ?? m.data.lastTimeMs);
  } else if (m.topic === 'dominance' || m.topic === 'altseason') {
    const d = m.data;
    setDominance('BTC.D', d.btcDominance);
    setDominance('ETH.D', d.ethDominance);
    setDominance('USDT.D', d.usdtDominance);
    setAsi(d.altseasonIndex, d.phase);
    for (const key of [...Object.keys(MARKET_KEYS), 'ASI']) {
      const s = d.sources?.[key];
      if (s || (key !== 'TOTAL' && key !== 'TOTAL2')) sources.note(key, s?.source, s?.asOf ?? (d.timeMs || undefined));
    }
  }
}

function onSeries(list) {
  for (const u of list) {
    switch (u.kind) {
      case 'Correlation': chart.update(u.key, u.timeMs, u.value); continue;
      case 'Price': case 'Total': setPrice(u.key, u.value); break;
      case 'Dominance': setDominance(u.key, u.value); break;
      case 'AltseasonIndex': setAsi(u.value); break;
    }
    if (SERIES[u.key]) markets.update(u.key, barStart(u.timeMs), u.value);
    sources.note(u.key, u.source, u.timeMs);
  }
}

function onEvents(list, live = true) {
  for (const e of list) {
    sources.noteEvent(e);
    if (e.kind === 'AltseasonChanged' && live) setAsi(e.event.index, e.event.to);
    const coupling = { CorrelationBreakdown: 'Decoupled', Recoupling: 'Coupled' }[e.kind];
    if (e.event?.pair && coupling && live) chart.setState(pairKey(e.event.pair), coupling);
  }
  feed.add(list, live);
  $('#event-sequence').textContent = market.lastSequence === null ? 'seq –' : `seq ${market.lastSequence}`;
}

async function onResync(m) {
  const li = document.createElement('li');
  li.className = 'resync';
  li.dataset.testid = 'resync';
  li.textContent = `Resynced: missed events after #${m.requestedAfter} are gone (${m.reason}).`;
  $('#event-feed').prepend(li);
  feed.clear();
  await loadEvents();
}

function showMarkers(shown) {
  chart.setMarkers(shown.filter(e => e.event?.pair && `${e.event.pair.anchor}/${e.event.pair.partner}` === state.pair && e.event.pair.mode === state.mode));
}

async function selectEvent(e) {
  const p = e.event?.pair;
  document.querySelectorAll('.range').forEach(b => setPressed(b, false));
  if (p && (`${p.anchor}/${p.partner}` !== state.pair || p.mode !== state.mode)) {
    $('#pair-select').value = `${p.anchor}/${p.partner}`;
    await selectPair(`${p.anchor}/${p.partner}`, p.mode, e.timeMs);
  } else {
    focusOn(e.timeMs);
  }
}

function focusOn(timeMs) {
  chart.focusOn(timeMs);
  markets.focusOn(timeMs, 86400 * 45);
}

function setPrice(symbol, value) {
  const el = document.querySelector(`[data-testid="price-${CSS.escape(symbol)}"]`);
  if (!el || value === null || value === undefined) return;
  const previous = Number(el.dataset.value);
  el.dataset.value = String(value);
  el.textContent = formatPrice(value);
  el.classList.toggle('flash-up', value > previous);
  el.classList.toggle('flash-down', value < previous);
}

function setDominance(symbol, value) {
  const box = document.querySelector(`.dom[data-symbol="${CSS.escape(symbol)}"]`);
  if (!box || value === null || value === undefined) return;
  box.querySelector('.val').textContent = `${value.toFixed(2)}%`;
  box.dataset.value = String(value);
  const levels = state.thresholds?.dominanceLevels?.[symbol] ?? [];
  const below = levels.filter(l => l <= value).at(-1);
  const above = levels.find(l => l > value);
  box.querySelector('.levels').textContent = levels.length
    ? `support ${below !== undefined ? below + '%' : '–'} · resistance ${above !== undefined ? above + '%' : '–'}`
    : '';
}

function setAsi(value, phase) {
  if (value !== null && value !== undefined) $('#asi-value').textContent = value.toFixed(0);
  if (phase) $('#asi-phase').textContent = phase.replace(/([a-z])([A-Z])/g, '$1 $2');
}

function setPressed(button, on) {
  button.classList.toggle('active', on);
  button.setAttribute('aria-pressed', String(on));
}

function applyRange() {
  const last = chart.lastTime();
  if (!state.days || last === null) {
    chart.setRange(null);
    markets.setRange(null);
    return;
  }
  const from = last - state.days * 86400;
  chart.setRange(from, last);
  markets.setRange(from, last);
}

// Shows `pair` in `mode`; then moves the charts to `focusMs` (UTC ms) when given, else to the chosen range.
async function selectPair(pair, mode, focusMs = null) {
  for (const t of state.pairTopics) await market.unsubscribe(t);
  state.pair = pair;
  state.mode = mode;
  document.querySelectorAll('.mode').forEach(b => setPressed(b, b.dataset.mode === mode));
  const keys = state.universe.pairWindows
    .filter(k => `${k.anchor}/${k.partner}` === pair && k.mode === mode)
    .sort((a, b) => a.window - b.window);
  const windows = keys.map(k => k.window);
  const longest = windows.at(-1) ?? 0;
  const band = $('#band-window');
  if (!windows.includes(Number(band.value))) {
    band.replaceChildren(...windows.map(w => new Option(`${w} bars`, String(w))));
    band.value = String(windows.length > 1 ? windows.at(-2) : windows[0]);
  }
  const focus = keys.find(k => String(k.window) === band.value);
  chart.reset(keys.map(k => ({ key: pairKey(k), window: k.window, label: k.window === longest && keys.length > 2 ? `long (${k.window})` : `${k.window}` })), focus ? pairKey(focus) : null);
  state.pairTopics = keys.map(k => `pair:${pairKey(k)}`);
  showMarkers(feed.visible());
  loadLegs(keys[0]).catch(err => console.warn('leg history', err));
  for (const t of state.pairTopics) await market.subscribe(t);
  setTimeout(() => (focusMs === null ? applyRange() : focusOn(focusMs)), 300);
}

async function loadLegs(key) {
  const held = new Set(state.universe.assets.map(a => a.symbol));
  if (!key || !held.has(key.anchor) || !held.has(key.partner)) return;
  const [a, b] = await Promise.all([key.anchor, key.partner].map(s => fetch(`/api/history/${encodeURIComponent(s)}`).then(r => (r.ok ? r.json() : { points: [] }))));
  const mapA = new Map(a.points.map(p => [Math.floor(p.timeMs / 1000), p.value]));
  const mapB = new Map(b.points.map(p => [Math.floor(p.timeMs / 1000), p.value]));
  const times = [...mapA.keys()].filter(t => mapB.has(t)).sort((x, y) => x - y);
  chart.setLegs({ nameA: key.anchor, nameB: key.partner, a: mapA, b: mapB, times });
}

async function loadEvents() {
  let since = 0;
  for (let page = 0; page < 10; page++) {
    const r = await fetch(`/api/events?since=${since}&max=1000`);
    if (!r.ok) return;
    const body = await r.json();
    feed.add(body.events, false);
    if (body.truncated && page === 0) since = body.oldestRetainedSequence - 1;
    else if (!body.hasMore || !body.events.length) return;
    else since = body.events.at(-1).sequence;
  }
}

async function loadHistory() {
  const held = new Set([...state.universe.assets.map(a => a.symbol), 'ASI']);
  await Promise.all(Object.keys(SERIES).filter(s => held.has(s)).map(async symbol => {
    const r = await fetch(`/api/history/${encodeURIComponent(symbol)}`);
    if (!r.ok) return;
    const points = (await r.json()).points;
    markets.setHistory(symbol, points);
    // The index is undefined while too few coins have 90 days of history: show its last close, marked as such.
    if (symbol === 'ASI' && points.length && $('#asi-value').textContent === '–') {
      $('#asi-value').textContent = `${points.at(-1).value.toFixed(0)} (last close)`;
    }
  }));
}

async function pollSources() {
  try {
    const r = await fetch('/api/sources');
    if (r.ok) sources.setSources(await r.json());
  } catch (err) {
    console.warn('sources', err);
  }
  sources.refreshAges();
}

async function main() {
  const [universe, thresholds] = await Promise.all([
    fetch('/api/universe').then(r => r.json()),
    fetch('/api/thresholds').then(r => r.json()),
  ]);
  state.universe = universe;
  state.thresholds = thresholds;
  markets.setThresholds(thresholds.dominanceLevels, { bitcoin: thresholds.bitcoinSeason, altcoin: thresholds.altcoinSeason });
  feed.setUniverse(universe.pairWindows);

  const pairs = [...new Set(universe.pairWindows.map(k => `${k.anchor}/${k.partner}`))];
  const select = $('#pair-select');
  for (const p of pairs) select.append(new Option(p, p));
  select.addEventListener('change', () => selectPair(select.value, state.mode));
  $('#band-window').addEventListener('change', () => selectPair(state.pair, state.mode));
  document.querySelectorAll('.mode').forEach(b => b.addEventListener('click', () => selectPair(state.pair, b.dataset.mode)));
  document.querySelectorAll('.dom').forEach(b => b.addEventListener('click', () => {
    document.querySelectorAll('.dom').forEach(x => setPressed(x, x === b));
    markets.showDominance(b.dataset.symbol);
  }));
  document.querySelectorAll('.range').forEach(b => b.addEventListener('click', () => {
    state.days = Number(b.dataset.days);
    document.querySelectorAll('.range').forEach(x => setPressed(x, x === b));
    applyRange();
  }));

  await Promise.all([loadEvents(), loadHistory(), pollSources()]);
  await market.start();
  await market.subscribe('events');
  await market.subscribe('dominance');
  await market.subscribe('altseason');
  for (const s of WATCHED) await market.subscribe(`asset:${s}`);
  select.value = pairs.includes('RUT/TOTAL3') ? 'RUT/TOTAL3' : pairs[0];
  await selectPair(select.value, state.mode);
  claims.refresh().catch(err => console.warn('claims', err));
  setInterval(() => claims.refresh().catch(err => console.warn('claims', err)), 10_000);
  setInterval(pollSources, 5_000);
  setInterval(loadHistory, 60_000);
}

main().catch(err => {
  console.error(err);
  setConnectionState('disconnected');
});
