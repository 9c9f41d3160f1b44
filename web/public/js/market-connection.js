// Connection to /hubs/market: keeps the set of followed topics, replays them after every reconnect (events with the
// last sequence seen, so missed events arrive or a resync is announced) and reports the connection state.
const signalR = window.signalR;

export class MarketConnection {
  constructor(url, handlers) {
    this.handlers = handlers;
    this.topics = new Set();
    this.lastSequence = null;
    this.connection = new signalR.HubConnectionBuilder()
      .withUrl(url)
      .withAutomaticReconnect({ nextRetryDelayInMilliseconds: ctx => Math.min(500 * 2 ** ctx.previousRetryCount, 10000) })
      .configureLogging(signalR.LogLevel.Warning)
      .build();
    this.connection.on('snapshot', m => {
      if (m.topic === 'events') this.noteSequence(m.sequence);
      handlers.snapshot?.(m);
    });
    this.connection.on('events', list => {
      const fresh = list.filter(e => this.lastSequence === null || e.sequence > this.lastSequence);
      for (const e of fresh) this.noteSequence(e.sequence);
      if (fresh.length) handlers.events?.(fresh);
    });
    this.connection.on('series', list => handlers.series?.(list));
    this.connection.on('resync', m => {
      this.lastSequence = null;
      handlers.resync?.(m);
    });
    this.connection.onreconnecting(() => this.setState('reconnecting'));
    this.connection.onreconnected(() => this.afterConnect());
    this.connection.onclose(() => {
      this.setState('disconnected');
      setTimeout(() => this.start(), 2000);
    });
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
