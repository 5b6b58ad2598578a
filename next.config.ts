import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // PGlite ships WASM and data files that must be loaded from node_modules at run time.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter"],
  poweredByHeader: false,
  // The link-preview fonts are read from disk at run time (lib/server/og/og-fonts.ts): ship them with /og.
  outputFileTracingIncludes: { "/og": ["./lib/server/og/fonts/*"] },
  typedRoutes: false,
  // forbidden() renders app/admin/forbidden.tsx with status 403 for a signed-in user without the role a page needs.
  experimental: { authInterrupts: true },
};

export default nextConfig;
