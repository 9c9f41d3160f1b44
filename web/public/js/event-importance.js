// How much each event kind matters to a trader (3 = act on it, 1 = background), and the default view's rule for
// the noisiest: sign flips of the shortest (30-bar) windows and dominance crossings that reverse within a day.

export const IMPORTANCE = {
  CorrelationBreakdown: 3,
  Recoupling: 3,
  AltseasonChanged: 3,
  AllTimeHigh: 2,
  DominanceRejection: 2,
  DominanceLevelCrossed: 2,
  OutperformanceStreak: 2,
  CorrelationSignFlip: 2,
};

export const DAY_MS = 86_400_000;

export function importanceOf(kind) { return IMPORTANCE[kind] ?? 1; }

// The set of sequences the default view hides. `events` is the whole store (any order); `shortestWindow` the
// smallest configured window (30 by default).
export function noisySequences(events, shortestWindow) {
  const hidden = new Set();
  const crossings = new Map();
  for (const e of [...events].sort((a, b) => a.sequence - b.sequence)) {
    if (e.kind === 'CorrelationSignFlip' && e.event?.pair?.window === shortestWindow) hidden.add(e.sequence);
    if (e.kind !== 'DominanceLevelCrossed' || !e.event) continue;
    const key = `${e.event.symbol}|${e.event.level}`;
    const previous = crossings.get(key);
    if (previous && previous.event.upward !== e.event.upward && e.timeMs - previous.timeMs <= DAY_MS) {
      hidden.add(previous.sequence);
      hidden.add(e.sequence);
    }
    crossings.set(key, e);
  }
  return hidden;
}
