// Unit test of web/public/js/market-connection.js under node:test, with a fake SignalR client and a fake fetch:
// events reach the handler once each and in sequence order, and a gap is filled from GET /api/events?since=.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';

class FakeConnection {
  constructor() { this.handlers = {}; this.invocations = []; this.state = 'Connected'; }
  on(name, fn) { this.handlers[name] = fn; }
  onreconnecting() {}
  onreconnected() {}
  onclose() {}
  async start() {}
  async invoke(...args) { this.invocations.push(args); }
  push(name, payload) { this.handlers[name](payload); }
}

globalThis.window = {
  signalR: {
    HubConnectionBuilder: class {
      withUrl() { return this; }
      withAutomaticReconnect() { return this; }
      configureLogging() { return this; }
      build() { return new FakeConnection(); }
    },
    LogLevel: { Warning: 3 },
    HubConnectionState: { Connected: 'Connected', Disconnected: 'Disconnected' },
  },
};

const source = await readFile(new URL('../../../web/public/js/market-connection.js', import.meta.url), 'utf8');
const { MarketConnection } = await import(`data:text/javascript;base64,${Buffer.from(source).toString('base64')}`);

const ev = sequence => ({ sequence, timeMs: sequence, kind: 'AllTimeHigh', text: `event ${sequence}` });

function connect(log) {
  const seen = [];
  const gaps = [];
  const fetches = [];
  const fetch = async url => {
    fetches.push(url);
    const since = Number(new URL(url).searchParams.get('since'));
    return log(since);
  };
  const market = new MarketConnection('http://127.0.0.1:5000/hubs/market', {
    events: list => seen.push(...list.map(e => e.sequence)),
    gap: g => gaps.push(g),
  }, { fetch });
  return { market, hub: market.connection, seen, gaps, fetches };
}

const page = (events, extra = {}) => ({ ok: true, json: async () => ({ events, truncated: false, hasMore: false, ...extra }) });

test('events arrive once each and in order, duplicates and disorder inside a message are absorbed', async () => {
  const { market, hub, seen, fetches } = connect(() => assert.fail('no fetch expected'));
  hub.push('snapshot', { topic: 'events', sequence: 0, data: [] });
  hub.push('events', [ev(1), ev(3), ev(2)]);
  hub.push('events', [ev(2), ev(3), ev(4)]);
  await market.idle();
  assert.deepEqual(seen, [1, 2, 3, 4]);
  assert.equal(fetches.length, 0);
});

test('a gap is fetched from the event log before the events after it are handed on', async () => {
  const { market, hub, seen, gaps, fetches } = connect(since => page([3, 4, 5, 6, 7].filter(s => s > since).map(ev)));
  hub.push('snapshot', { topic: 'events', sequence: 2, data: [ev(1), ev(2)] });
  hub.push('events', [ev(5), ev(6)]);
  hub.push('events', [ev(7)]);
  await market.idle();
  assert.deepEqual(seen, [3, 4, 5, 6, 7]);
  assert.deepEqual(gaps, [{ after: 2, before: 5 }]);
  assert.deepEqual(fetches, ['http://127.0.0.1:5000/api/events?since=2&max=1000']);
});

test('a gap the log no longer holds makes the client subscribe again from its last sequence', async () => {
  const { market, hub, seen } = connect(() => page([], { truncated: true }));
  hub.push('snapshot', { topic: 'events', sequence: 10, data: [] });
  hub.push('events', [ev(11)]);
  hub.push('events', [ev(14)]);
  await market.idle();
  assert.deepEqual(seen, [11]);
  assert.deepEqual(hub.invocations, [['Subscribe', 'events', 11]]);
});
