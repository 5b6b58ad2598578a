import "server-only";
import pg from "pg";

/** What a subscriber to a NOTIFY channel is told. */
export interface NotificationHandlers {
  /** A NOTIFY on the channel, with its payload. */
  onNotify(payload: string): void;
  /** Notifications sent from now on arrive; any sent before may have been missed. */
  onListening(): void;
  /** Notifications may be missed until the next onListening. */
  onLost(): void;
}

/** How the listening connection shows in pg_stat_activity. */
export const LISTENER_APPLICATION_NAME = "torch-atlas listener";

const RECONNECT_DELAY_MS = { first: 250, max: 5_000 };

/**
 * One connection of its own (not one of the pool's, which requests share) that
 * LISTENs on every channel subscribed to, opened on the first subscription.
 * When it drops, it is reopened after 250 ms, doubling up to 5 s while that fails.
 */
export class PostgresListener {
  private readonly subscribers = new Map<string, NotificationHandlers[]>();
  /** The connection while it listens on every subscribed channel. */
  private client: pg.Client | null = null;
  /** The attempt to open a connection, while it runs. */
  private opening: Promise<void> | null = null;
  private retryTimer: NodeJS.Timeout | null = null;
  private delayMs = RECONNECT_DELAY_MS.first;
  private isOutageLogged = false;
  private isClosed = false;

  constructor(
    private readonly url: string,
    private readonly location: string,
  ) {}

  listen(channel: string, handlers: NotificationHandlers): void {
    const known = this.subscribers.get(channel);
    this.subscribers.set(channel, [...(known ?? []), handlers]);
    const client = this.client;
    if (client && known) {
      handlers.onListening();
    } else if (client) {
      client.query(`LISTEN ${client.escapeIdentifier(channel)}`).then(
        () => handlers.onListening(),
        (error: unknown) => this.drop(client, error),
      );
    } else if (!this.opening && !this.retryTimer && !this.isClosed) {
      this.open();
    }
    // Otherwise the connection being opened, now or after its delay, listens on this channel too.
  }

  async close(): Promise<void> {
    this.isClosed = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    const { client, opening } = this;
    this.client = null;
    // A connection being opened ends itself once open: pg never settles a connect() that end() interrupts.
    await Promise.all([client?.end().catch(() => {}), opening]);
  }

  private open(): void {
    const client = new pg.Client({
      connectionString: this.url,
      application_name: LISTENER_APPLICATION_NAME,
      connectionTimeoutMillis: 5_000,
      keepAlive: true,
    });
    // A terminated backend or a server restart: 'error' (if any) and 'end'.
    client.on("error", (error) => this.drop(client, error));
    client.on("end", () => this.drop(client));
    client.on("notification", ({ channel, payload }) => {
      for (const handlers of this.subscribers.get(channel) ?? []) handlers.onNotify(payload ?? "");
    });
    const attempt = this.connect(client).finally(() => {
      if (this.opening === attempt) this.opening = null;
    });
    this.opening = attempt;
  }

  private async connect(client: pg.Client): Promise<void> {
    try {
      await client.connect();
      // Channels subscribed to while this runs are visited too: the iterator is live.
      for (const channel of this.subscribers.keys()) await client.query(`LISTEN ${client.escapeIdentifier(channel)}`);
    } catch (error) {
      client.end().catch(() => {});
      this.logOutage(error);
      this.retryLater();
      return;
    }
    if (this.isClosed) {
      await client.end().catch(() => {});
      return;
    }
    this.client = client;
    this.delayMs = RECONNECT_DELAY_MS.first;
    if (this.isOutageLogged) console.error(`[db] listening for data changes again on ${this.location}`);
    this.isOutageLogged = false;
    for (const handlers of [...this.subscribers.values()].flat()) handlers.onListening();
  }

  private drop(client: pg.Client, error?: unknown): void {
    if (client !== this.client) return;
    this.client = null;
    this.logOutage(error);
    for (const handlers of [...this.subscribers.values()].flat()) handlers.onLost();
    client.end().catch(() => {});
    this.retryLater();
  }

  private retryLater(): void {
    if (this.isClosed) return;
    const delay = this.delayMs;
    this.delayMs = Math.min(delay * 2, RECONNECT_DELAY_MS.max);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      if (!this.isClosed) this.open();
    }, delay);
    // Waiting to reconnect is no reason for a script to stay alive.
    this.retryTimer.unref();
  }

  private logOutage(error: unknown): void {
    if (this.isOutageLogged || this.isClosed) return;
    this.isOutageLogged = true;
    const reason = error instanceof Error ? error.message : "the connection closed";
    console.error(`[db] not listening for data changes on ${this.location} (${reason}): reading the data version from the database until it is back`);
  }
}
