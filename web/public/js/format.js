// Number and time formatting shared by the dashboard's views.

export function formatPrice(v) {
  if (v === null || v === undefined || !Number.isFinite(v)) return '–';
  if (v >= 1e12) return `$${(v / 1e12).toFixed(2)}T`;
  if (v >= 1e9) return `$${(v / 1e9).toFixed(1)}B`;
  if (v >= 1000) return v.toLocaleString('en-US', { maximumFractionDigits: 2 });
  return v.toFixed(v >= 1 ? 2 : 6);
}

export function formatDate(ms) {
  return new Date(ms).toISOString().slice(0, 10);
}

export function formatDateTime(ms) {
  return new Date(ms).toISOString().replace('T', ' ').slice(0, 16);
}

// Age of a value (UTC ms) as "12 s", "5 min", "3 h", "4 d".
export function formatAge(asOfMs, nowMs = Date.now()) {
  const s = Math.max(0, Math.round((nowMs - asOfMs) / 1000));
  if (s < 90) return `${s} s`;
  if (s < 5400) return `${Math.round(s / 60)} min`;
  if (s < 172800) return `${Math.round(s / 3600)} h`;
  return `${Math.round(s / 86400)} d`;
}

export function pairKey(p) { return `${p.anchor}|${p.partner}|${p.window}|${p.mode}`; }

// Chart time (UTC seconds) of a bar start in UTC ms.
export function chartTime(ms) { return Math.floor(ms / 1000); }
