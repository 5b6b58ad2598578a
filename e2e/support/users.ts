// The accounts the browser tests sign in with, created by e2e/support/serve.ts
// through `npm run admin:create` (ADMIN_PASSWORD), before the server starts.

export const E2E_USERS = {
  admin: { email: "e2e-admin@example.org", password: "e2e admin password, long enough", role: "admin" },
  editor: { email: "e2e-editor@example.org", password: "e2e editor password, long enough", role: "editor" },
} as const;
