import path from "node:path";
import { defineConfig } from "vitest/config";

const root = import.meta.dirname;

export default defineConfig({
  resolve: {
    alias: [
      { find: /^@\//, replacement: `${root}/` },
      { find: "server-only", replacement: path.join(root, "tests/support/server-only.ts") },
    ],
  },
  test: {
    projects: [
      {
        extends: true,
        test: { name: "unit", include: ["lib/**/*.test.ts", "components/**/*.test.ts", "scripts/**/*.test.ts"], exclude: ["**/*.int.test.ts"] },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["tests/**/*.int.test.ts"],
          testTimeout: 60_000,
          hookTimeout: 180_000,
        },
      },
      {
        // npm run test:cluster: nginx, two instances and a streaming replica under load (resilience/README.md).
        extends: true,
        test: {
          name: "cluster",
          include: ["resilience/**/*.cluster.test.ts"],
          globalSetup: ["resilience/support/global-setup.ts"],
          testTimeout: 180_000,
          hookTimeout: 240_000,
        },
      },
      {
        // npm run test:resilience: real servers under load, faults and bad input (see resilience/README.md).
        extends: true,
        test: {
          name: "resilience",
          include: ["resilience/**/*.res.test.ts"],
          globalSetup: ["resilience/support/global-setup.ts"],
          testTimeout: 180_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
