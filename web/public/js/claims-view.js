// The commentary's claims beside what the product's own data says (GET /api/claims), refreshed as data arrives.
import { formatDate } from './format.js';

const VERDICT = {
  Holds: 'holds', DoesNotHold: 'does not hold', Mixed: 'mixed', NotEnoughData: 'not enough data', CannotCheck: "can't be checked",
};

export class ClaimsView {
  constructor(list) { this.list = list; }

  async refresh() {
    const response = await fetch('/api/claims');
    if (!response.ok) return;
    const body = await response.json();
    this.list.replaceChildren(...body.claims.map(c => this.item(c)));
    this.list.dataset.count = String(body.claims.length);
  }

  item(c) {
    const li = document.createElement('li');
    li.dataset.testid = `claim-${c.id}`;
    li.dataset.verdict = c.verdict;
    li.className = `claim verdict-${c.verdict}`;
    li.innerHTML = '<div class="claim-head"><q></q><span class="verdict"></span></div><p class="finding"></p><dl class="numbers"></dl>';
    li.querySelector('q').textContent = c.quote;
    li.querySelector('.verdict').textContent = VERDICT[c.verdict] ?? c.verdict;
    li.querySelector('.finding').textContent = c.finding + (c.asOfMs ? ` (data to ${formatDate(c.asOfMs)})` : '');
    const dl = li.querySelector('.numbers');
    for (const n of c.numbers) {
      const dt = document.createElement('dt');
      dt.textContent = n.label;
      const dd = document.createElement('dd');
      dd.dataset.testid = 'claim-number';
      dd.textContent = format(n);
      dl.append(dt, dd);
    }
    return li;
  }
}

function format(n) {
  if (n.value === null || n.value === undefined) return '–';
  switch (n.unit) {
    case 'date': return formatDate(n.value);
    case 'count': return String(Math.round(n.value));
    case '%': return `${n.value.toFixed(1)} %`;
    case 'pt': return `${n.value >= 0 ? '+' : ''}${n.value.toFixed(2)} pt`;
    case 'index': return n.value.toFixed(0);
    default: return n.value.toFixed(3);
  }
}
