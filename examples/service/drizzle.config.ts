import { defineConfig } from "drizzle-kit";

// `npx drizzle-kit generate` writes a migration after a change to the schema; the service
// applies them at start (drizzle's migrator, on PGlite and on node-postgres alike).
export default defineConfig({
  dialect: "postgresql",
  schema: ["./src/store/schema.ts", "./src/platforms/schema.ts"],
  out: "./src/store/migrations",
});
