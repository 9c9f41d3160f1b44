// Where each series on screen comes from and how old it is (badges `source-<SYMBOL>`), and the demo banner shown
// whenever simulated data is on screen: /api/sources says so, an event is `simulated`, or a value's source is `demo`.
import { formatAge } from './format.js';

export class SourcesView {
  constructor(container, banner, symbols) {
    this.container = container;
    this.banner = banner;
    this.values = new Map();
    this.sources = null;
    this.simulatedEvents = false;
    this.badges = new Map();
    for (const symbol of symbols) {
      const badge = document.createElement('span');
      badge.className = 'source';
      badge.dataset.testid = `source-${symbol}`;
      badge.dataset.symbol = symbol;
      badge.innerHTML = '<span class="sym"></span> <span class="src">–</span> <span class="age"></span>';
      badge.querySelector('.sym').textContent = symbol;
      container.append(badge);
      this.badges.set(symbol, badge);
    }
  }

  // A value of `symbol` from `source` (may be undefined before the feeds report it) as of `asOfMs` (UTC ms).
  note(symbol, source, asOfMs) {
    if (!this.badges.has(symbol)) return;
    const known = this.values.get(symbol) ?? {};
    this.values.set(symbol, { source: source ?? known.source, asOf: asOfMs ?? known.asOf });
    if (source === 'demo') this.showBanner();
    this.render(symbol);
  }

  noteEvent(e) {
    if (e.simulated === true && !this.simulatedEvents) {
      this.simulatedEvents = true;
      this.showBanner();
    }
  }

  setSources(body) {
    this.sources = body;
    this.showBanner();
    for (const symbol of this.badges.keys()) this.render(symbol);
  }

  showBanner() {
    const values = [...this.values.values()];
    const simulated = this.sources?.simulated === true || this.simulatedEvents || values.some(v => v.source === 'demo');
    this.banner.hidden = !simulated;
    this.banner.dataset.simulated = String(simulated);
    if (simulated) {
      const reason = this.sources?.reason ? ` (${this.sources.reason})` : '';
      this.banner.textContent = `Demo data: the values and events on this page are simulated, not market data${reason}.`;
    }
  }

  render(symbol) {
    const badge = this.badges.get(symbol);
    const v = this.values.get(symbol) ?? {};
    const feed = this.sources?.sources?.find(s => s.name === v.source);
    const age = v.asOf ? Date.now() - v.asOf : null;
    const stale = feed?.state === 'stale' || (feed?.staleAfterMs > 0 && age !== null && age > feed.staleAfterMs);
    badge.querySelector('.src').textContent = v.source ?? 'source unknown';
    badge.querySelector('.age').textContent = v.asOf ? `${formatAge(v.asOf)} old${stale ? ' · stale' : ''}` : '';
    badge.dataset.source = v.source ?? '';
    badge.dataset.stale = String(stale);
    badge.classList.toggle('stale', stale);
    badge.title = v.asOf ? `${symbol}: ${v.source ?? 'unknown source'}, as of ${new Date(v.asOf).toISOString()}` : symbol;
  }

  refreshAges() { for (const symbol of this.badges.keys()) this.render(symbol); }
}
