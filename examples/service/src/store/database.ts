/**
 * PostgreSQL, embedded or real, behind one shape: a Drizzle database for the
 * service's queries and the same connection for pg-boss, so that the jobs an
 * outbox asks for are written in the transaction that decided them.
 *
 * PGlite (PostgreSQL compiled to WebAssembly, in this process) is the
 * default: nothing to install. `DATABASE_URL` points the same code at a
 * PostgreSQL server through node-postgres.
 */
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzleLite } from "drizzle-orm/pglite";
import { migrate as migrateLite } from "drizzle-orm/pglite/migrator";
import pg from "pg";

/** Drizzle over either driver: the queries the service writes are the same on both. */
export type Db = PgDatabase<PgQueryResultHKT>;

/** What pg-boss needs to run its SQL on a given connection (its `db` option). */
export interface SqlExecutor {
  executeSql(text: string, values: unknown[]): Promise<{ rows: unknown[] }>;
}

/** One transaction: the Drizzle queries and pg-boss's jobs share it, and commit or roll back together. */
export interface Tx {
  readonly db: Db;
  readonly jobs: SqlExecutor;
}

export interface Database {
  /** Which PostgreSQL this is, for people: `PGlite (in-process)` or the server's host. */
  readonly name: string;
  /** Queries outside a transaction. */
  readonly db: Db;
  /** How pg-boss reaches this database: its own pool on a server, the one connection in PGlite. */
  readonly boss:
    | { readonly db: SqlExecutor }
    | { readonly connectionString: string; readonly max: number };
  /** Runs `work` in one transaction: committed if it returns, rolled back if it throws. */
  transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

const migrationsFolder = fileURLToPath(new URL("./migrations", import.meta.url));

/**
 * Opens the database `url` names (`DATABASE_URL`), or PGlite when there is
 * none (in memory, or kept in the folder `pgliteDir` names), and migrates it.
 */
export const openDatabase = async (
  url: string | undefined,
  pgliteDir?: string,
): Promise<Database> =>
  url === undefined || url === "" ? openPglite(pgliteDir) : openPostgres(url);

const openPglite = async (dataDir: string | undefined): Promise<Database> => {
  const client = await PGlite.create(dataDir === undefined ? {} : { dataDir });
  const db = drizzleLite(client);
  await migrateLite(db, { migrationsFolder });
  // pg-boss's migrations are several statements in one string, which only the simple protocol
  // (exec) runs; its queries with parameters go through the extended one.
  const executeSql = async (text: string, values: unknown[] = []) =>
    values.length > 0
      ? client.query(text, values)
      : { rows: (await client.exec(text)).at(-1)?.rows ?? [] };
  return {
    name:
      dataDir === undefined
        ? "PGlite (in-process, in memory)"
        : `PGlite (in-process, in ${dataDir})`,
    db: db as unknown as Db,
    boss: { db: { executeSql } },
    transaction: (work) =>
      client.transaction((t) =>
        work({
          // Drizzle runs its queries on the transaction as on a client: `query` is all it uses.
          db: drizzleLite(t as unknown as PGlite) as unknown as Db,
          jobs: { executeSql: (text, values) => t.query(text, values) },
        }),
      ),
    close: () => client.close(),
  };
};

const openPostgres = async (url: string): Promise<Database> => {
  const pool = new pg.Pool({ connectionString: url, max: 16 });
  const db = drizzlePg(pool);
  await migrateOnce(pool, () => migratePg(db, { migrationsFolder }));
  return {
    name: `PostgreSQL at ${new URL(url).host}`,
    db: db as unknown as Db,
    boss: { connectionString: url, max: 8 },
    transaction: async (work) => {
      const client = await pool.connect();
      try {
        await client.query("begin");
        const result = await work({
          db: drizzlePg(client) as unknown as Db,
          jobs: { executeSql: (text, values) => client.query(text, values) },
        });
        await client.query("commit");
        client.release();
        return result;
      } catch (thrown) {
        // A connection that cannot roll back is broken: the pool drops it instead of reusing it.
        const broken = await client.query("rollback").then(
          () => undefined,
          (error: Error) => error,
        );
        client.release(broken);
        throw thrown;
      }
    },
    close: () => pool.end(),
  };
};

/**
 * Several processes starting against one server at once would each run the migrations: an
 * advisory lock lets one do it while the others wait, then find nothing left to do.
 */
const migrateOnce = async (pool: pg.Pool, run: () => Promise<void>): Promise<void> => {
  const client = await pool.connect();
  try {
    await client.query("select pg_advisory_lock(4242)");
    await run();
  } finally {
    await client.query("select pg_advisory_unlock(4242)").catch(() => {});
    client.release();
  }
};
