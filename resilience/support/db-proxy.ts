import net from "node:net";

// A TCP proxy between the app and PostgreSQL that the tests can cut: every
// proxied connection is destroyed at once and new ones fail, as when the
// database host goes away, until it is restored.

export type TCutMode =
  /** Nothing listens any more: connecting fails with ECONNREFUSED. */
  | "refuse"
  /** Connections are accepted and dropped at once: the client sees its connection reset or terminated. */
  | "reset";

export interface DbProxy {
  /** The database URL with its host and port replaced by the proxy's. */
  url: string;
  cut(mode?: TCutMode): Promise<void>;
  restore(): Promise<void>;
  close(): Promise<void>;
  /** Connections proxied since the start (a restored app makes new ones). */
  readonly connectionsMade: number;
}

function listen(server: net.Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
}

function closeServer(server: net.Server): Promise<void> {
  return new Promise((resolve) => (server.listening ? server.close(() => resolve()) : resolve()));
}

export async function startDbProxy(databaseUrl: string, port: number): Promise<DbProxy> {
  const target = new URL(databaseUrl);
  const targetPort = Number(target.port || 5432);
  const sockets = new Set<net.Socket>();
  let state: "open" | TCutMode = "open";
  let connectionsMade = 0;

  const server = net.createServer((client) => {
    if (state !== "open") {
      client.destroy();
      return;
    }
    connectionsMade++;
    const upstream = net.connect(targetPort, target.hostname);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on("error", () => {});
      socket.on("close", () => {
        sockets.delete(socket);
        // One side gone: the other goes too, as a real connection would.
        client.destroy();
        upstream.destroy();
      });
    }
    client.pipe(upstream);
    upstream.pipe(client);
  });
  await listen(server, port);

  const url = new URL(databaseUrl);
  url.hostname = "127.0.0.1";
  url.port = String(port);

  return {
    url: url.toString(),
    get connectionsMade() {
      return connectionsMade;
    },
    async cut(mode = "refuse") {
      state = mode;
      // close() waits for open connections: destroy them after asking, then wait.
      const closing = mode === "refuse" ? closeServer(server) : Promise.resolve();
      for (const socket of sockets) socket.destroy();
      await closing;
    },
    async restore() {
      if (!server.listening) await listen(server, port);
      state = "open";
    },
    async close() {
      state = "refuse";
      const closing = closeServer(server);
      for (const socket of sockets) socket.destroy();
      await closing;
    },
  };
}
