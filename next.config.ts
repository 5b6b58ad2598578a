import type { NextConfig } from "next";
import { securityHeaders } from "./lib/security/csp";

/** The API's answers load nothing and may not be framed (pages get theirs from proxy.ts). */
const API_HEADERS = Object.entries(securityHeaders({ pathname: "/api" })).map(([key, value]) => ({ key, value }));

const nextConfig: NextConfig = {
  // PGlite ships WASM and data files that must be loaded from node_modules at run time.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter"],
  poweredByHeader: false,
  // The link-preview fonts are read from disk at run time (lib/server/og/og-fonts.ts): ship them with /og.
  outputFileTracingIncludes: { "/og": ["./lib/server/og/fonts/*"] },
  typedRoutes: false,
  // forbidden() renders app/admin/forbidden.tsx with status 403 for a signed-in user without the role a page needs.
  experimental: { authInterrupts: true },
  headers() {
    return [{ source: "/api/:path((?!docs$).*)", headers: API_HEADERS }];
  },
};

export default nextConfig;
