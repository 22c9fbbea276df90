/**
 * A throwaway, real PostgreSQL server for tests.
 *
 * `startPostgres()` makes a fresh cluster in a new temporary directory, starts it
 * on a free localhost port with durability switched off (tests want speed, not
 * crash safety), creates a `postlife` database and hands back its URL.
 * `stop()` kills the server and deletes the directory. If the process exits
 * without calling `stop()`, an 'exit' hook does the same synchronously, so no
 * server outlives the test run.
 *
 * Only `node:` built-ins are used: the service's tests must not depend on a
 * PostgreSQL driver or a container runtime just to get a database.
 *
 * Run this file directly for a smoke test:
 *   npx tsx examples/service/test/support/postgres-server.ts
 */
import { type ExecFileOptions, execFile, spawnSync } from "node:child_process";
import {
  accessSync,
  constants,
  existsSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
} from "node:fs";
import { chown, mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { delimiter, dirname, join } from "node:path";
import { pathToFileURL } from "node:url";

export interface PostgresServer {
  readonly url: string;
  stop(): Promise<void>;
}

export interface StartPostgresOptions {
  /** Receives one line per notable step (binaries found, install, ports, …). Silent by default. */
  log?: (line: string) => void;
}

type Log = (line: string) => void;

/** Name of the database `startPostgres` creates and points the URL at. */
const DATABASE = "postlife";
/** The OS user that owns the cluster when we run as root; PostgreSQL refuses to run as root. */
const OS_USER = "postgres";

// Timeouts are generous on purpose: CI machines are slow and busy, and a flaky
// timeout is worse than a slow test.
const START_TIMEOUT_S = 120;
const INITDB_TIMEOUT_MS = 120_000;
const PG_CTL_TIMEOUT_MS = (START_TIMEOUT_S + 30) * 1000;
const CLIENT_TIMEOUT_MS = 60_000;
const APT_TIMEOUT_MS = 15 * 60_000;
/** Another process may grab the port between our probe and the server's bind; retry that race a few times. */
const START_ATTEMPTS = 3;

// ---------------------------------------------------------------------------
// Public API
// ---------------------------------------------------------------------------

/** Starts a PostgreSQL server in a new temporary data directory on a free localhost port. */
export async function startPostgres(options: StartPostgresOptions = {}): Promise<PostgresServer> {
  const log: Log = options.log ?? (() => {});
  const bin = await findOrInstallBinaries(log);
  const runner = await makeRunner(log);

  // The data directory doubles as the socket directory and holds server.log, so
  // one recursive delete cleans up everything. mkdtemp gives a short path, which
  // matters: a Unix socket path must stay under ~107 bytes.
  const dataDir = await mkdtemp(join(tmpdir(), "postlife-pg-"));
  const cluster: Cluster = { bin, runner, dataDir };
  try {
    await runner.ownDirectory(dataDir);
    await initCluster(cluster, log);
    const port = await startCluster(cluster, log);
    // Registered as soon as a server may be running, so a failure below still cleans up.
    liveClusters.add(cluster);
    ensureExitHook();
    await createDatabase(cluster, port);
    const url = `postgres://postgres@127.0.0.1:${port}/${DATABASE}`;
    log(`postgres ready at ${url} (data in ${dataDir})`);
    return { url, stop: once(() => stopCluster(cluster)) };
  } catch (error) {
    await stopCluster(cluster);
    throw error;
  }
}

// ---------------------------------------------------------------------------
// Cluster lifecycle
// ---------------------------------------------------------------------------

interface Cluster {
  readonly bin: Binaries;
  readonly runner: Runner;
  readonly dataDir: string;
}

async function initCluster({ bin, runner, dataDir }: Cluster, log: Log): Promise<void> {
  log(`initdb ${dataDir}`);
  // trust auth: the server only listens on 127.0.0.1 and a private socket dir, and
  // lives for one test run. --no-sync: nothing here needs to survive a crash.
  // --locale=C: the ambient locale may not be generated on the machine (initdb
  // would then fail), and C gives the same sort order everywhere.
  await runner.runAsOwner(
    bin.initdb,
    ["-D", dataDir, "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8", "--locale=C"],
    dataDir,
    INITDB_TIMEOUT_MS,
  );
}

/** Starts the server on a free port and returns the port. */
async function startCluster(cluster: Cluster, log: Log): Promise<number> {
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    log(`starting postgres on 127.0.0.1:${port}`);
    try {
      await pgCtlStart(cluster, port);
      return port;
    } catch (error) {
      const serverLog = tail(logPath(cluster.dataDir));
      const portTaken = /could not bind|address already in use/i.test(serverLog);
      if (portTaken && attempt < START_ATTEMPTS) {
        log(`port ${port} was taken before the server bound it; trying another`);
        continue;
      }
      throw new Error(
        `PostgreSQL failed to start: ${messageOf(error)}\n` +
          `--- tail of server.log ---\n${serverLog}`,
      );
    }
  }
}

function pgCtlStart({ bin, runner, dataDir }: Cluster, port: number): Promise<string> {
  // pg_ctl passes -o to the postgres command line through /bin/sh, hence the
  // quoted socket path. The settings trade durability for speed, and
  // max_connections is raised so parallel test workers with pools fit.
  const serverOptions = [
    `-p ${port}`,
    `-k ${shellQuote(dataDir)}`,
    "-c listen_addresses=127.0.0.1",
    "-c fsync=off",
    "-c synchronous_commit=off",
    "-c full_page_writes=off",
    "-c max_connections=200",
  ].join(" ");
  // -l matters beyond diagnostics: without it the server would inherit our
  // stdout/stderr pipes and execFile would wait for it to exit, i.e. forever.
  return runner.runAsOwner(
    bin.pgCtl,
    [
      "-w",
      "-t",
      String(START_TIMEOUT_S),
      "-D",
      dataDir,
      "-l",
      logPath(dataDir),
      "-o",
      serverOptions,
      "start",
    ],
    dataDir,
    PG_CTL_TIMEOUT_MS,
  );
}

async function createDatabase({ bin, dataDir }: Cluster, port: number): Promise<void> {
  // Over TCP with trust auth any OS user may connect as the postgres role, so no runuser here.
  try {
    await run(
      bin.createdb,
      ["-h", "127.0.0.1", "-p", String(port), "-U", "postgres", DATABASE],
      CLIENT_TIMEOUT_MS,
    );
  } catch (error) {
    throw new Error(
      `Could not create database ${DATABASE}: ${messageOf(error)}\n--- tail of server.log ---\n${tail(logPath(dataDir))}`,
    );
  }
}

/** Stops the server (if it is running) and deletes its directory. Never throws. */
async function stopCluster(cluster: Cluster): Promise<void> {
  liveClusters.delete(cluster);
  const { bin, runner, dataDir } = cluster;
  // immediate: no checkpoint, the data is about to be deleted anyway. Errors are
  // ignored because the server may never have started or may already be gone.
  await runner
    .runAsOwner(bin.pgCtl, ["-D", dataDir, "-m", "immediate", "stop"], dataDir, PG_CTL_TIMEOUT_MS)
    .catch(() => {});
  await rm(dataDir, { recursive: true, force: true });
}

function logPath(dataDir: string): string {
  return join(dataDir, "server.log");
}

// ---------------------------------------------------------------------------
// Cleanup when the process exits without stop()
// ---------------------------------------------------------------------------

const liveClusters = new Set<Cluster>();
let exitHookInstalled = false;

/**
 * One process-wide 'exit' listener (rather than one per server) so many servers
 * don't trip Node's MaxListeners warning. 'exit' handlers must be synchronous,
 * hence spawnSync/rmSync. Note 'exit' does not fire when the process is killed
 * by a signal it doesn't handle; the server would then outlive it.
 */
function ensureExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on("exit", () => {
    for (const { bin, runner, dataDir } of liveClusters) {
      const [file, args] = runner.argvAsOwner(bin.pgCtl, [
        "-D",
        dataDir,
        "-m",
        "immediate",
        "stop",
      ]);
      spawnSync(file, args, { stdio: "ignore", timeout: PG_CTL_TIMEOUT_MS, cwd: dataDir });
      rmSync(dataDir, { recursive: true, force: true });
    }
    liveClusters.clear();
  });
}

// ---------------------------------------------------------------------------
// Running commands, as root or not
// ---------------------------------------------------------------------------

interface Runner {
  /** Command line that runs `file args` as the cluster's owner. */
  argvAsOwner(file: string, args: readonly string[]): [string, string[]];
  /** Runs `file args` as the cluster's owner in `cwd` (the cluster directory). */
  runAsOwner(
    file: string,
    args: readonly string[],
    cwd: string,
    timeoutMs: number,
  ): Promise<string>;
  /** Makes `dir` belong to the cluster's owner. */
  ownDirectory(dir: string): Promise<void>;
}

/**
 * initdb and postgres refuse to run as root. As root we run them as the
 * `postgres` OS user (creating it if needed); otherwise as ourselves.
 */
async function makeRunner(log: Log): Promise<Runner> {
  const argvAsOwner = isRoot()
    ? await switchUserCommand(log)
    : (file: string, args: readonly string[]) => [file, [...args]] as [string, string[]];
  const owner = isRoot() ? osUserIds(OS_USER) : undefined;
  return {
    argvAsOwner,
    runAsOwner(file, args, cwd, timeoutMs) {
      const [cmd, cmdArgs] = argvAsOwner(file, args);
      // An explicit cwd because the postgres user may not be able to enter ours (e.g. /root).
      return run(cmd, cmdArgs, timeoutMs, { cwd });
    },
    async ownDirectory(dir) {
      if (owner) await chown(dir, owner.uid, owner.gid);
    },
  };
}

/** Builds the "run as postgres" prefix: runuser if present, else su. */
async function switchUserCommand(
  log: Log,
): Promise<(file: string, args: readonly string[]) => [string, string[]]> {
  await ensureOsUser(log);
  const runuser = findExecutable("runuser", systemDirs());
  if (runuser) return (file, args) => [runuser, ["-u", OS_USER, "--", file, ...args]];
  const su = findExecutable("su", systemDirs()) ?? "su";
  // su takes a single shell string, so this is the one place we quote by hand.
  return (file, args) => [
    su,
    [OS_USER, "-s", "/bin/sh", "-c", [file, ...args].map(shellQuote).join(" ")],
  ];
}

async function ensureOsUser(log: Log): Promise<void> {
  if (spawnSync("id", ["-u", OS_USER], { stdio: "ignore" }).status === 0) return;
  log(`creating OS user ${OS_USER} (PostgreSQL will not run as root)`);
  const useradd = findExecutable("useradd", systemDirs()) ?? "useradd";
  await run(useradd, ["--system", "--no-create-home", OS_USER], CLIENT_TIMEOUT_MS);
}

function osUserIds(user: string): { uid: number; gid: number } {
  const id = (flag: string): number => {
    const result = spawnSync("id", [flag, user], { encoding: "utf8" });
    const value = Number.parseInt(result.stdout ?? "", 10);
    if (result.status !== 0 || Number.isNaN(value))
      throw new Error(`Cannot look up OS user ${user}: ${result.stderr}`);
    return value;
  };
  return { uid: id("-u"), gid: id("-g") };
}

function isRoot(): boolean {
  return process.getuid?.() === 0;
}

/** execFile with an argument array; rejects with the command's stderr in the message. */
function run(
  file: string,
  args: readonly string[],
  timeoutMs: number,
  options: ExecFileOptions = {},
): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      file,
      args,
      { ...options, timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024, encoding: "utf8" },
      (error, stdout, stderr) => {
        if (!error) return resolve(String(stdout));
        const output = `${String(stderr)}\n${String(stdout)}`.trim();
        const how = error.killed
          ? `timed out after ${timeoutMs / 1000}s`
          : `failed (${error.code ?? error.signal})`;
        reject(
          new Error(
            `${[file, ...args].join(" ")} ${how}${output ? `:\n${lastLines(output, 30)}` : ""}`,
          ),
        );
      },
    );
  });
}

// ---------------------------------------------------------------------------
// Finding (or installing) the server binaries
// ---------------------------------------------------------------------------

interface Binaries {
  readonly initdb: string;
  readonly pgCtl: string;
  readonly createdb: string;
  readonly psql: string;
}

const SERVER_PROGRAMS = ["initdb", "pg_ctl", "postgres"] as const;

async function findOrInstallBinaries(log: Log): Promise<Binaries> {
  const found = findBinaries();
  if (found) return found;
  if (isRoot() && isDebian()) {
    log("PostgreSQL server binaries not found; installing with apt-get (postgresql)");
    await run("apt-get", ["update"], APT_TIMEOUT_MS);
    await run("apt-get", ["install", "-y", "postgresql"], APT_TIMEOUT_MS, {
      env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
    });
    const installed = findBinaries();
    if (installed) return installed;
  }
  throw new Error(
    "PostgreSQL server binaries (initdb, pg_ctl, postgres) were not found on PATH or under /usr/lib/postgresql/*/bin. " +
      "Install the PostgreSQL server: on Debian/Ubuntu `apt-get install postgresql`, on macOS `brew install postgresql`, " +
      "elsewhere your distribution's postgresql server package.",
  );
}

/**
 * Returns the first directory that holds all of initdb, pg_ctl and postgres:
 * PATH first (the user's explicit choice), then Debian's versioned directories,
 * newest first. The directory is found through symlinks, because Debian links
 * the server binaries into PATH one by one and the client tools we want (createdb,
 * psql) live next to the real initdb.
 */
function findBinaries(): Binaries | undefined {
  const onPath = findExecutable("initdb", pathDirs());
  const candidates = [...(onPath ? [dirname(realpathSync(onPath))] : []), ...debianBinDirs()];
  const dir = candidates.find((d) => SERVER_PROGRAMS.every((p) => isExecutable(join(d, p))));
  if (!dir) return undefined;
  // Prefer the client next to the server (same version); PATH may hold a pg_wrapper or another version.
  const client = (name: string): string =>
    isExecutable(join(dir, name)) ? join(dir, name) : (findExecutable(name, pathDirs()) ?? name);
  return {
    initdb: join(dir, "initdb"),
    pgCtl: join(dir, "pg_ctl"),
    createdb: client("createdb"),
    psql: client("psql"),
  };
}

/** /usr/lib/postgresql/<version>/bin, highest version first. */
function debianBinDirs(): string[] {
  const root = "/usr/lib/postgresql";
  if (!existsSync(root)) return [];
  return readdirSync(root)
    .filter((name) => /^\d+(\.\d+)*$/.test(name))
    .sort(compareVersionsDescending)
    .map((version) => join(root, version, "bin"));
}

function compareVersionsDescending(a: string, b: string): number {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const diff = (pb[i] ?? 0) - (pa[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return 0;
}

function isDebian(): boolean {
  return existsSync("/etc/debian_version");
}

function pathDirs(): string[] {
  return (process.env.PATH ?? "").split(delimiter).filter(Boolean);
}

/** PATH plus the sbin directories, which root's PATH in a container may lack (runuser, useradd live there). */
function systemDirs(): string[] {
  return [...pathDirs(), "/usr/sbin", "/sbin", "/usr/bin", "/bin"];
}

function findExecutable(name: string, dirs: readonly string[]): string | undefined {
  return dirs.map((dir) => join(dir, name)).find(isExecutable);
}

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

// ---------------------------------------------------------------------------
// Small helpers
// ---------------------------------------------------------------------------

/** Resolves once a port that was free a moment ago is known; the caller retries if it is taken meanwhile. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error("Could not find a free port"))));
    });
  });
}

/** The last lines of a file, or a note that it could not be read. */
function tail(file: string, lines = 40): string {
  try {
    return lastLines(readFileSync(file, "utf8"), lines);
  } catch (error) {
    return `(could not read ${file}: ${messageOf(error)})`;
  }
}

function lastLines(text: string, lines: number): string {
  return text.trimEnd().split("\n").slice(-lines).join("\n");
}

function shellQuote(arg: string): string {
  return `'${arg.replaceAll("'", `'\\''`)}'`;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Wraps an async function so repeated calls share the first call's promise (stop() is idempotent). */
function once(fn: () => Promise<void>): () => Promise<void> {
  let promise: Promise<void> | undefined;
  return () => (promise ??= fn());
}

// ---------------------------------------------------------------------------
// Smoke test: `npx tsx examples/service/test/support/postgres-server.ts`
// ---------------------------------------------------------------------------

function isMainModule(): boolean {
  const script = process.argv[1];
  if (!script) return false;
  // Compare real paths too, so running through a symlinked path still counts.
  const real = existsSync(script) ? realpathSync(script) : script;
  return [pathToFileURL(script).href, pathToFileURL(real).href].includes(import.meta.url);
}

async function smokeTest(): Promise<void> {
  const started = performance.now();
  const server = await startPostgres({ log: (line) => console.error(`[postgres-server] ${line}`) });
  const ready = performance.now();
  console.log(server.url);
  try {
    const psql = findBinaries()?.psql ?? "psql";
    console.log(await run(psql, [server.url, "-c", "select version()"], CLIENT_TIMEOUT_MS));
  } finally {
    const stopping = performance.now();
    await server.stop();
    const done = performance.now();
    const seconds = (ms: number): string => (ms / 1000).toFixed(2);
    console.error(
      `[postgres-server] start ${seconds(ready - started)}s, stop ${seconds(done - stopping)}s, total ${seconds(done - started)}s`,
    );
  }
}

if (isMainModule()) {
  smokeTest().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
