import { defineConfig, devices } from "@playwright/test";
import { E2E_SERVERS } from "./e2e/support/servers";

// Browser tests run Debian's Chromium (never a downloaded browser) against the
// production build, served three ways: on PostgreSQL, on the embedded PGlite
// database, and pointed at a PostgreSQL that is down.

const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export default defineConfig({
  testDir: "e2e",
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 2,
  timeout: 30_000,
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL: E2E_SERVERS.postgres.url,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: chromium,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], channel: undefined } }],
  webServer: Object.values(E2E_SERVERS).map((server) => ({
    command: server.command,
    url: `${server.url}${server.readyPath}`,
    timeout: 180_000,
    reuseExistingServer: false,
    env: server.env,
    stdout: "pipe" as const,
    stderr: "pipe" as const,
  })),
});
