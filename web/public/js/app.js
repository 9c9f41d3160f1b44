// Dashboard entry point: loads the universe and thresholds over REST, then follows hub topics for live updates.
import { MarketConnection } from './market-connection.js';
import { CorrelationChart } from './correlation-chart.js';

const WATCHED = ['RUT', 'BTC', 'ETH', 'TOTAL3'];
const MAX_EVENTS = 200;
const $ = sel => document.querySelector(sel);

const state = { universe: null, thresholds: null, pair: null, mode: 'Returns', pairTopics: [] };
const chart = new CorrelationChart($('#correlation-chart'), $('#correlation-legend'));
const market = new MarketConnection('/hubs/market', {
  state: setConnectionState,
  snapshot: onSnapshot,
  series: onSeries,
  events: list => list.forEach(addEvent),
  resync: onResync,
  resume: seq => { $('#connection-state').dataset.resumedFrom = seq === null ? '' : String(seq); },
});

function setConnectionState(s) {
  const el = $('#connection-state');
  el.textContent = s;
  el.dataset.state = s;
  el.className = `conn conn-${s}`;
}

function onSnapshot(m) {
  if (m.topic === 'events') {
    $('#event-feed').replaceChildren();
    for (const e of m.data ?? []) addEvent(e);
    showSequence();
  } else if (m.topic.startsWith('pair:')) {
    chart.setSnapshot(m.topic.slice(5), m.data);
  } else if (m.topic.startsWith('asset:')) {
    setPrice(m.data.symbol, m.data.lastPrice);
  } else if (m.topic === 'dominance' || m.topic === 'altseason') {
    setDominance('BTC.D', m.data.btcDominance);
    setDominance('ETH.D', m.data.ethDominance);
    setDominance('USDT.D', m.data.usdtDominance);
    setAsi(m.data.altseasonIndex, m.data.phase);
  }
}

function onSeries(list) {
  for (const u of list) {
    switch (u.kind) {
      case 'Correlation': chart.update(u.key, u.timeMs, u.value); break;
      case 'Price': case 'Total': setPrice(u.key, u.value); break;
      case 'Dominance': setDominance(u.key, u.value); break;
      case 'AltseasonIndex': setAsi(u.value); break;
    }
  }
}

function onResync(m) {
  const li = document.createElement('li');
  li.className = 'resync';
  li.dataset.testid = 'resync';
  li.textContent = `Resynced: missed events after #${m.requestedAfter} are gone (${m.reason}).`;
  $('#event-feed').prepend(li);
}

function addEvent(e) {
  const feed = $('#event-feed');
  if (feed.querySelector(`li[data-sequence="${e.sequence}"]`)) return;
  const li = document.createElement('li');
  li.dataset.testid = 'event';
  li.dataset.sequence = e.sequence;
  li.dataset.kind = e.kind;
  li.className = `kind-${e.kind}`;
  const when = new Date(e.timeMs).toISOString().replace('T', ' ').slice(0, 19);
  li.innerHTML = '<span class="kind"></span><span class="when"></span><span class="text"></span>';
  li.querySelector('.kind').textContent = `#${e.sequence} ${e.kind}`;
  li.querySelector('.when').textContent = when;
  li.querySelector('.text').textContent = e.text;
  feed.prepend(li);
  while (feed.children.length > MAX_EVENTS) feed.lastElementChild.remove();
  showSequence();
  if (e.kind === 'AltseasonChanged') setAsi(e.event.index, e.event.to);
  const coupling = { CorrelationBreakdown: 'Decoupled', Recoupling: 'Coupled' }[e.kind];
  if (e.event?.pair && coupling) chart.setState(pairKey(e.event.pair), coupling);
}

function showSequence() {
  $('#event-sequence').textContent = market.lastSequence === null ? 'seq –' : `seq ${market.lastSequence}`;
}

function pairKey(p) { return `${p.anchor}|${p.partner}|${p.window}|${p.mode}`; }

function setPrice(symbol, value) {
  const el = document.querySelector(`[data-testid="price-${CSS.escape(symbol)}"]`);
  if (!el || value === null || value === undefined) return;
  const previous = Number(el.dataset.value);
  el.dataset.value = String(value);
  el.textContent = formatPrice(value);
  el.classList.toggle('flash-up', value > previous);
  el.classList.toggle('flash-down', value < previous);
}

function formatPrice(v) {
  if (v >= 1e9) return `$${(v / 1e9).toFixed(1)}B`;
  if (v >= 1000) return v.toLocaleString('en-US', { maximumFractionDigits: 2 });
  return v.toFixed(v >= 1 ? 2 : 6);
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
  if (value !== null && value !== undefined) {
    $('#asi-value').textContent = value.toFixed(0);
    $('#asi-fill').style.left = `calc(${Math.max(0, Math.min(100, value))}% - 2px)`;
  }
  if (phase) $('#asi-phase').textContent = phase.replace(/([a-z])([A-Z])/g, '$1 $2');
}

function showThresholds(t) {
  $('#asi-btc-mark').style.left = `${t.bitcoinSeason}%`;
  $('#asi-alt-mark').style.left = `${t.altcoinSeason}%`;
  $('#asi-btc-label').textContent = `Bitcoin season ≤ ${t.bitcoinSeason}`;
  $('#asi-alt-label').textContent = `Altcoin season ≥ ${t.altcoinSeason}`;
}

async function selectPair(pair, mode) {
  for (const t of state.pairTopics) await market.unsubscribe(t);
  state.pair = pair;
  state.mode = mode;
  document.querySelectorAll('.mode').forEach(b => b.classList.toggle('active', b.dataset.mode === mode));
  const keys = state.universe.pairWindows
    .filter(k => `${k.anchor}/${k.partner}` === pair && k.mode === mode)
    .sort((a, b) => a.window - b.window);
  const longest = keys.length ? keys[keys.length - 1].window : 0;
  chart.reset(keys.map(k => ({ key: pairKey(k), window: k.window, label: k.window === longest && keys.length > 2 ? `long (${k.window})` : `${k.window}` })));
  state.pairTopics = keys.map(k => `pair:${pairKey(k)}`);
  for (const t of state.pairTopics) await market.subscribe(t);
}

async function main() {
  const [universe, thresholds] = await Promise.all([
    fetch('/api/universe').then(r => r.json()),
    fetch('/api/thresholds').then(r => r.json()),
  ]);
  state.universe = universe;
  state.thresholds = thresholds;
  showThresholds(thresholds);

  const pairs = [...new Set(universe.pairWindows.map(k => `${k.anchor}/${k.partner}`))];
  const select = $('#pair-select');
  for (const p of pairs) select.append(new Option(p, p));
  select.addEventListener('change', () => selectPair(select.value, state.mode));
  document.querySelectorAll('.mode').forEach(b => b.addEventListener('click', () => selectPair(state.pair, b.dataset.mode)));

  await market.start();
  await market.subscribe('events');
  await market.subscribe('dominance');
  await market.subscribe('altseason');
  for (const s of WATCHED) await market.subscribe(`asset:${s}`);
  await selectPair(pairs.includes('RUT/TOTAL3') ? 'RUT/TOTAL3' : pairs[0], state.mode);
}

main().catch(err => {
  console.error(err);
  setConnectionState('disconnected');
});
