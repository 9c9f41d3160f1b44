// Connection to /hubs/market: keeps the set of followed topics, replays them after every reconnect (events with the
// last sequence seen, so missed events arrive or a resync is announced) and reports the connection state.
// Events reach the `events` handler once each and in sequence order: a duplicate is skipped, and a gap (an event above
// the next sequence) is filled from GET /api/events?since= before anything after it is handed on; when the log no
// longer has the missing events, or the fetch fails, the events topic is subscribed again so the hub replays or resyncs.
const signalR = globalThis.window?.signalR ?? globalThis.signalR;

export class MarketConnection {
  // handlers: state, snapshot, series, events, resync, resume, gap({ after, before }) (optional, all of them).
  // options.eventsUrl: the REST event log (default /api/events beside the hub); options.fetch: a fetch implementation.
  constructor(url, handlers, options = {}) {
    this.handlers = handlers;
    this.topics = new Set();
    this.lastSequence = null;
    this.eventsUrl = options.eventsUrl ?? new URL('/api/events', new URL(url, globalThis.location?.href ?? 'http://localhost/')).href;
    this.fetch = options.fetch ?? ((...args) => globalThis.fetch(...args));
    this.inbox = Promise.resolve();
    this.connection = new signalR.HubConnectionBuilder()
      .withUrl(url)
      .withAutomaticReconnect({ nextRetryDelayInMilliseconds: ctx => Math.min(500 * 2 ** ctx.previousRetryCount, 10000) })
      .configureLogging(signalR.LogLevel.Warning)
      .build();
    this.connection.on('snapshot', m => this.enqueue(() => {
      if (m.topic === 'events') this.lastSequence = typeof m.sequence === 'number' ? m.sequence : this.lastSequence;
      handlers.snapshot?.(m);
    }));
    this.connection.on('events', list => this.enqueue(() => this.deliver(list)));
    this.connection.on('series', list => handlers.series?.(list));
    this.connection.on('resync', m => this.enqueue(() => {
      this.lastSequence = null;
      handlers.resync?.(m);
    }));
    this.connection.onreconnecting(() => this.setState('reconnecting'));
    this.connection.onreconnected(() => this.afterConnect());
    this.connection.onclose(() => {
      this.setState('disconnected');
      setTimeout(() => this.start(), 2000);
    });
  }

  // Resolves when every event message received so far has been handed on (or given up to a resubscribe).
  idle() { return this.inbox; }

  // Event messages are handled one after the other, so a gap fetch finishes before the next message is looked at.
  enqueue(work) {
    this.inbox = this.inbox.then(work).catch(err => console.warn('hub message failed', err));
    return this.inbox;
  }

  async deliver(list) {
    const sorted = [...list].sort((a, b) => a.sequence - b.sequence);
    const fresh = [];
    for (const e of sorted) {
      if (this.lastSequence !== null && e.sequence <= this.lastSequence) continue;
      if (this.lastSequence !== null && e.sequence > this.lastSequence + 1) {
        this.flush(fresh);
        if (!await this.fillGap(e.sequence)) return;
        if (e.sequence <= this.lastSequence) continue;
      }
      fresh.push(e);
      this.lastSequence = e.sequence;
    }
    this.flush(fresh);
  }

  flush(fresh) {
    if (fresh.length) this.handlers.events?.(fresh.splice(0));
  }

  // Reads the events after lastSequence and before `before` from the log and hands them on; false when it had to
  // resubscribe instead (the rest of the message then comes again from the hub's replay).
  async fillGap(before) {
    const after = this.lastSequence;
    this.handlers.gap?.({ after, before });
    try {
      while (this.lastSequence < before - 1) {
        const response = await this.fetch(`${this.eventsUrl}?since=${this.lastSequence}&max=1000`);
        if (!response.ok) throw new Error(`GET /api/events answered ${response.status}`);
        const page = await response.json();
        if (page.truncated) throw new Error('the missing events left the log');
        const fresh = page.events.filter(e => e.sequence > this.lastSequence && e.sequence < before);
        if (!fresh.length) throw new Error(`the log has no events after ${this.lastSequence}`);
        this.lastSequence = fresh[fresh.length - 1].sequence;
        this.flush(fresh);
      }
      return true;
    } catch (err) {
      console.warn(`events ${this.lastSequence + 1}..${before - 1} could not be fetched; subscribing again`, err);
      if (this.connection.state === signalR.HubConnectionState.Connected) await this.invokeSubscribe('events');
      return false;
    }
  }

  noteSequence(seq) {
    if (typeof seq === 'number' && (this.lastSequence === null || seq > this.lastSequence)) this.lastSequence = seq;
  }

  setState(state) { this.handlers.state?.(state); }

  async start() {
    if (this.connection.state !== signalR.HubConnectionState.Disconnected) return;
    this.setState('connecting');
    try {
      await this.connection.start();
      await this.afterConnect();
    } catch (err) {
      console.warn('hub connection failed', err);
      this.setState('disconnected');
      setTimeout(() => this.start(), 2000);
    }
  }

  async afterConnect() {
    this.setState('connected');
    for (const topic of this.topics) await this.invokeSubscribe(topic);
  }

  async subscribe(topic) {
    this.topics.add(topic);
    if (this.connection.state === signalR.HubConnectionState.Connected) await this.invokeSubscribe(topic);
  }

  async unsubscribe(topic) {
    this.topics.delete(topic);
    if (this.connection.state === signalR.HubConnectionState.Connected) await this.connection.invoke('Unsubscribe', topic);
  }

  async invokeSubscribe(topic) {
    const lastSequence = topic === 'events' ? this.lastSequence : null;
    if (topic === 'events') this.handlers.resume?.(lastSequence);
    try {
      await this.connection.invoke('Subscribe', topic, lastSequence);
    } catch (err) {
      console.warn(`subscribe ${topic} failed`, err);
    }
  }
}
