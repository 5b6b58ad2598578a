// Prisma CLI configuration. Only `prisma generate` runs here: migrations are
// hand-written SQL applied by scripts/migrate.ts (see README).
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
