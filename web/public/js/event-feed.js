// The event feed: every event the page knows (REST history plus the hub's live events), filtered by kind, pair,
// window, mode and importance; the default view hides the noisiest. Clicking an event moves the charts to it, and the
// user may ask for browser notifications of chosen kinds.
import { formatDateTime, pairKey } from './format.js';
import { importanceOf, noisySequences } from './event-importance.js';

const MAX_SHOWN = 400;

export class EventFeed {
  // el: { list, kind, pair, window, mode, full, notify, count }; onSelect(event) when an event is chosen.
  constructor(el, onSelect, onChange) {
    this.el = el;
    this.onSelect = onSelect;
    this.onChange = onChange;
    this.events = new Map();
    this.shortestWindow = null;
    this.notifyKinds = new Set();
    this.selected = null;
    for (const name of ['kind', 'pair', 'window', 'mode']) el[name].addEventListener('change', () => this.render());
    el.full.addEventListener('change', () => this.render());
    el.list.addEventListener('click', e => this.choose(e.target.closest('li[data-sequence]')));
    el.list.addEventListener('keydown', e => {
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        this.choose(e.target.closest('li[data-sequence]'));
      }
    });
    el.notify.addEventListener('change', () => this.askNotifications());
  }

  // The universe's pair-windows fill the pair / window / mode filters.
  setUniverse(pairWindows) {
    const pairs = [...new Set(pairWindows.map(k => `${k.anchor}/${k.partner}`))];
    const windows = [...new Set(pairWindows.map(k => k.window))].sort((a, b) => a - b);
    const modes = [...new Set(pairWindows.map(k => k.mode))];
    this.shortestWindow = windows[0] ?? null;
    fill(this.el.pair, pairs, 'All pairs');
    fill(this.el.window, windows.map(String), 'All windows', w => `${w} bars`);
    fill(this.el.mode, modes, 'Both modes');
    const kinds = ['CorrelationBreakdown', 'Recoupling', 'CorrelationSignFlip', 'DominanceLevelCrossed', 'DominanceRejection', 'AltseasonChanged', 'AllTimeHigh', 'OutperformanceStreak'];
    fill(this.el.kind, kinds, 'All kinds', k => k.replace(/([a-z])([A-Z])/g, '$1 $2'));
    fill(this.el.notify, kinds, 'Notify me of…', k => k.replace(/([a-z])([A-Z])/g, '$1 $2'));
  }

  add(list, live) {
    let added = false;
    for (const e of list) {
      if (this.events.has(e.sequence)) continue;
      e.pairKey = e.event?.pair ? pairKey(e.event.pair) : null;
      this.events.set(e.sequence, e);
      added = true;
      if (live) this.notify(e);
    }
    if (added) this.render();
  }

  clear() {
    this.events.clear();
    this.render();
  }

  // The events that pass the current filters, newest first.
  visible() {
    const kind = this.el.kind.value;
    const pair = this.el.pair.value;
    const window = this.el.window.value;
    const mode = this.el.mode.value;
    const hidden = this.el.full.checked ? new Set() : noisySequences(this.events.values(), this.shortestWindow);
    const out = [];
    for (const e of this.events.values()) {
      if (hidden.has(e.sequence) || (kind && e.kind !== kind)) continue;
      const p = e.event?.pair;
      if ((pair || window || mode) && !p) continue;
      if (pair && `${p.anchor}/${p.partner}` !== pair) continue;
      if (window && String(p.window) !== window) continue;
      if (mode && p.mode !== mode) continue;
      out.push(e);
    }
    return out.sort((a, b) => b.sequence - a.sequence);
  }

  render() {
    const shown = this.visible();
    const items = shown.slice(0, MAX_SHOWN).map(e => this.item(e));
    // Live events re-render the list: keep the keyboard focus on the event that had it.
    const focused = this.el.list.contains(document.activeElement) ? document.activeElement.dataset.sequence : null;
    const scroll = this.el.list.scrollTop;
    this.el.list.replaceChildren(...items);
    this.el.list.scrollTop = scroll;
    if (focused) this.el.list.querySelector(`li[data-sequence="${focused}"]`)?.focus({ preventScroll: true });
    this.el.count.textContent = `${shown.length} of ${this.events.size}`;
    this.el.list.dataset.shown = String(shown.length);
    this.onChange?.(shown);
  }

  item(e) {
    const li = document.createElement('li');
    li.dataset.testid = 'event';
    li.dataset.sequence = e.sequence;
    li.dataset.kind = e.kind;
    li.dataset.importance = String(importanceOf(e.kind));
    if (e.pairKey) li.dataset.pair = e.pairKey;
    li.tabIndex = 0;
    li.className = `kind-${e.kind} importance-${importanceOf(e.kind)}${e.simulated ? ' simulated' : ''}${e.sequence === this.selected ? ' selected' : ''}`;
    li.innerHTML = '<span class="kind"></span><span class="when"></span><span class="text"></span>';
    li.querySelector('.kind').textContent = `#${e.sequence} ${e.kind}${e.simulated ? ' · demo' : ''}`;
    li.querySelector('.when').textContent = formatDateTime(e.timeMs);
    li.querySelector('.text').textContent = e.text;
    return li;
  }

  choose(li) {
    if (!li) return;
    const e = this.events.get(Number(li.dataset.sequence));
    if (!e) return;
    this.selected = e.sequence;
    this.el.list.querySelectorAll('li.selected').forEach(x => x.classList.remove('selected'));
    li.classList.add('selected');
    this.onSelect?.(e);
  }

  async askNotifications() {
    const kind = this.el.notify.value;
    this.el.notify.value = '';
    if (!kind || !('Notification' in window)) return;
    const permission = Notification.permission === 'default' ? await Notification.requestPermission() : Notification.permission;
    if (permission !== 'granted') return;
    if (this.notifyKinds.has(kind)) this.notifyKinds.delete(kind);
    else this.notifyKinds.add(kind);
    this.el.notifyList.textContent = this.notifyKinds.size ? `notifying: ${[...this.notifyKinds].join(', ')}` : '';
  }

  notify(e) {
    if (!this.notifyKinds.has(e.kind) || !('Notification' in window) || Notification.permission !== 'granted') return;
    new Notification(`${e.kind}${e.simulated ? ' (demo)' : ''}`, { body: e.text, tag: `altseason-${e.sequence}` });
  }
}

function fill(select, values, all, label = v => v) {
  const current = select.value;
  select.replaceChildren(new Option(all, ''), ...values.map(v => new Option(label(v), v)));
  if (values.includes(current)) select.value = current;
}
