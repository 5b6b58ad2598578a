import "server-only";
import http from "node:http";
import next from "next";
import { handleHealthRequest } from "@/lib/server/api/health";
import { handleMetaRequest } from "@/lib/server/api/meta";
import { handleSeriesRequest } from "@/lib/server/api/series";
import { getDatabase } from "@/lib/server/db";
import { bodyBytesOf } from "@/lib/server/http";
import { keepReadModelWarm } from "@/lib/server/queries/read-model";
import { securityHeaders } from "@/lib/security/csp";

// The production HTTP server: Next.js for pages and everything else, and the
// hot read API answered directly. The read handlers are the same functions the
// app/api route files export; skipping Next's router for them takes the
// per-request cost from ~1.5 ms to a few hundred microseconds on this machine.

type TFetchHandler = (request: Request) => Promise<Response>;

const READ_ROUTES: Record<string, TFetchHandler> = {
  "/api/health": handleHealthRequest,
  "/api/v1/meta": handleMetaRequest,
  "/api/v1/series": handleSeriesRequest,
};

const API_SECURITY_HEADERS = securityHeaders({ pathname: "/api" });

function readRouteFor(req: http.IncomingMessage): TFetchHandler | undefined {
  if (req.method !== "GET" && req.method !== "HEAD") return undefined;
  const url = req.url ?? "/";
  const queryStart = url.indexOf("?");
  return READ_ROUTES[queryStart === -1 ? url : url.slice(0, queryStart)];
}

async function serveWithFetchHandler(handler: TFetchHandler, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
  }
  const request = new Request(new URL(req.url ?? "/", `http://${req.headers.host ?? "localhost"}`), { method: req.method, headers });
  const response = await handler(request);
  res.statusCode = response.status;
  // proxy.ts doesn't see these responses: the same headers as every other non-page response.
  for (const [name, value] of Object.entries(API_SECURITY_HEADERS)) res.setHeader(name, value);
  response.headers.forEach((value, name) => res.setHeader(name, value));
  if (req.method === "HEAD") res.end();
  else res.end(bodyBytesOf(response) ?? Buffer.from(await response.arrayBuffer()));
}

function internalError(res: http.ServerResponse): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res.statusCode = 500;
  res.setHeader("Content-Type", "application/json");
  for (const [name, value] of Object.entries(API_SECURITY_HEADERS)) res.setHeader(name, value);
  res.end(JSON.stringify({ error: { code: "INTERNAL", message: "Something went wrong on the server." } }));
}

/**
 * The client's address is the connection's unless a trusted proxy in front
 * says otherwise: a client talking to the app directly cannot pick its own
 * X-Forwarded-For (the sign-in rate limit counts per address).
 */
function pinClientAddress(req: http.IncomingMessage): void {
  req.headers["x-forwarded-for"] = req.socket.remoteAddress ?? "unknown";
  delete req.headers["x-forwarded-proto"];
  delete req.headers["x-forwarded-host"];
}

/** Starts Next.js in this process and listens on the port; resolves once it is listening. */
export async function startAppServer(port: number, options: { trustProxy: boolean }): Promise<http.Server> {
  const app = next({ dev: false, port });
  await app.prepare();
  const handleWithNext = app.getRequestHandler();
  const server = http.createServer((req, res) => {
    if (!options.trustProxy) pinClientAddress(req);
    const readRoute = readRouteFor(req);
    const handling = readRoute ? serveWithFetchHandler(readRoute, req, res) : handleWithNext(req, res);
    handling.catch((error: unknown) => {
      console.error(error);
      internalError(res);
    });
  });
  // Longer than a client's or load balancer's idle keep-alive (nginx: 60 s), so the server never closes a
  // connection just as the other side reuses it (which the other side sees as ECONNRESET).
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  await new Promise<void>((resolve) => server.listen(port, resolve));
  // The read model warms up now and after every publish, rather than on the first views after each.
  getDatabase().then(keepReadModelWarm, () => undefined);
  return server;
}
