// The three production servers the browser tests run against. The e2e
// PostgreSQL database and PGlite folder are recreated on every run.

const base = process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const e2eUrl = new URL(base);
e2eUrl.pathname = `${e2eUrl.pathname.replace(/^\//, "/") || "/postgres"}_e2e`;

const serve = "node --conditions=react-server --import tsx e2e/support/serve.ts";

export const E2E_SERVERS = {
  postgres: {
    url: "http://127.0.0.1:3101",
    readyPath: "/api/health",
    command: serve,
    // TRUST_PROXY: each test sends its own X-Forwarded-For, so one test's sign-in attempts never throttle another's.
    env: { PORT: "3101", DATABASE_URL: e2eUrl.toString(), E2E_ADMIN_DATABASE_URL: base, TRUST_PROXY: "1" },
  },
  embedded: {
    url: "http://127.0.0.1:3102",
    readyPath: "/api/health",
    command: serve,
    env: { PORT: "3102", DATABASE_URL: "", DATA_DIR: ".data/e2e", TRUST_PROXY: "1" },
  },
  down: {
    url: "http://127.0.0.1:3103",
    // Its health check answers 503 by design; the page still answers 200 with a friendly message.
    readyPath: "/",
    command: "npx --no-install next start --port 3103",
    env: { PORT: "3103", DATABASE_URL: "postgresql://postgres@127.0.0.1:1/nowhere" },
  },
} as const;
