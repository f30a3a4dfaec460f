// A config file turns off Prisma's own .env loading, so load it here.
import "dotenv/config";
import { PrismaPg } from "@prisma/adapter-pg";
import { defineConfig } from "prisma/config";

// Without a DATABASE_URL the CLI falls back to downloading a native engine,
// even for `prisma generate`, which needs no database. Our scripts always set
// the real one (see lib/db/embedded.ts); this only keeps `npm install` offline.
process.env.DATABASE_URL ??= "postgresql://localhost:5432/marginalia";

// The WebAssembly engine ("js") with the pg adapter: nothing is downloaded at
// install, build or run time, which these machines (and firewalled users) need.
export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "prisma/schema.prisma",
  async adapter() {
    return new PrismaPg({ connectionString: process.env.DATABASE_URL });
  },
});
