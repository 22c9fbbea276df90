/**
 * `npm run serve`: the service, kept running. PGlite in this process unless
 * `DATABASE_URL` names a PostgreSQL server (PGlite keeps its data in
 * `PGLITE_DIR` when it is set, in memory otherwise); `PORT` (default 3000)
 * on localhost. Stop it with Ctrl-C.
 *
 * `WORKERS=0` serves the API only; against one PostgreSQL server, start as
 * many API and worker processes as you need, on as many machines.
 */
import { listen } from "./listen.js";
import { startService } from "./service.js";

const service = await startService({
  ...(process.env.DATABASE_URL ? { databaseUrl: process.env.DATABASE_URL } : {}),
  ...(process.env.PGLITE_DIR ? { pgliteDir: process.env.PGLITE_DIR } : {}),
  workers: process.env.WORKERS !== "0",
});
const server = await listen(service.app, Number(process.env.PORT ?? 3000));
console.log(`postlife service on ${service.database.name}: ${server.url}`);
console.log(
  `  try: curl -s -X POST ${server.url}/v1/posts -H 'content-type: application/json' -H 'idempotency-key: k1' \\`,
);
console.log(
  `         -d '{"content":"Hello","destinations":[{"id":"d-x","platform":"x","accountId":"42"}]}'`,
);

const stop = async () => {
  await server.close();
  await service.stop();
  process.exit(0);
};
process.once("SIGINT", stop);
process.once("SIGTERM", stop);
