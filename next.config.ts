import type { NextConfig } from "next";

/** Only /embed may be framed, by any site; every other page refuses (clickjacking). */
const NO_FRAMING = [
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Content-Security-Policy", value: "frame-ancestors 'none'" },
];

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
    return [
      // Every path but /embed (the read API served outside Next sets the same: lib/server/app-server.ts).
      { source: "/", headers: NO_FRAMING },
      { source: "/:path((?!embed$).*)", headers: NO_FRAMING },
      { source: "/embed", headers: [{ key: "Content-Security-Policy", value: "frame-ancestors *" }] },
    ];
  },
};

export default nextConfig;
