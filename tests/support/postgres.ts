import { execFile, execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client, Pool } from 'pg';

const run = promisify(execFile);

/** True when SKIP_POSTGRES_TESTS=1: PostgreSQL suites skip instead of failing for want of a server. */
export const skipPostgres = process.env.SKIP_POSTGRES_TESTS === '1';

export interface TestPostgres {
  /** Connection URL of a fresh, empty database with trust auth. */
  url: string;
  stop(): Promise<void>;
}

function findBinDir(): string {
  const candidates: string[] = [];
  try {
    candidates.push(execFileSync('pg_config', ['--bindir'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim());
  } catch {
    // pg_config is optional (it ships with libpq-dev); fall back to Debian's layout below.
  }
  const root = '/usr/lib/postgresql';
  if (existsSync(root)) {
    const versions = readdirSync(root).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a));
    candidates.push(...versions.map((v) => join(root, v, 'bin')));
  }
  const found = candidates.find((dir) => ['initdb', 'pg_ctl', 'postgres'].every((b) => existsSync(join(dir, b))));
  if (!found) {
    throw new Error(
      'PostgreSQL server binaries (initdb, pg_ctl, postgres) not found via `pg_config --bindir` or /usr/lib/postgresql/*/bin. ' +
        'Install PostgreSQL or set SKIP_POSTGRES_TESTS=1 to skip the PostgreSQL suites.',
    );
  }
  return found;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

async function postgresIds(): Promise<{ uid: number; gid: number }> {
  const uid = Number((await run('id', ['-u', 'postgres'])).stdout.trim());
  const gid = Number((await run('id', ['-g', 'postgres'])).stdout.trim());
  return { uid, gid };
}

async function waitUntilReady(url: string, deadlineMs: number): Promise<void> {
  let lastError: unknown;
  while (Date.now() < deadlineMs) {
    const client = new Client({ connectionString: url });
    try {
      await client.connect();
      await client.query('SELECT 1');
      await client.end();
      return;
    } catch (err) {
      lastError = err;
      await client.end().catch(() => undefined);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new Error(`PostgreSQL did not accept connections in time: ${String(lastError)}`);
}

/** Starts a throw-away PostgreSQL server on a free loopback port and creates an empty database in it. */
export async function startPostgres(): Promise<TestPostgres> {
  const bin = findBinDir();
  const asRoot = process.getuid?.() === 0;
  // initdb refuses to run as root, so the server runs as the postgres OS user when we are root.
  const ids = asRoot ? await postgresIds() : null;
  const as = (cmd: string, args: string[]) =>
    ids ? run('runuser', ['-u', 'postgres', '--', join(bin, cmd), ...args]) : run(join(bin, cmd), args);

  const dir = mkdtempSync(join(tmpdir(), 'fl-pg-'));
  if (ids) chownSync(dir, ids.uid, ids.gid);
  const dataDir = join(dir, 'data');
  const logFile = join(dir, 'server.log');

  const cleanup = () => rmSync(dir, { recursive: true, force: true });
  try {
    await as('initdb', ['-D', dataDir, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--no-locale', '--no-sync']);
    let port = 0;
    // The free port can be taken between probing and binding, so retry a few times.
    for (let attempt = 1; ; attempt++) {
      port = await freePort();
      const opts = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
      try {
        await as('pg_ctl', ['-D', dataDir, '-l', logFile, '-o', opts, '-w', '-t', '30', 'start']);
        break;
      } catch (err) {
        if (attempt >= 3) throw err;
      }
    }
    const adminUrl = `postgres://postgres@127.0.0.1:${port}/postgres`;
    await waitUntilReady(adminUrl, Date.now() + 30_000);
    const dbName = `fl_test_${process.pid}_${Date.now().toString(36)}`;
    const admin = new Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${dbName}`);
    await admin.end();

    // pg_ctl daemonises the server, so a test worker that dies before afterAll would orphan it.
    const stopOnExit = () => {
      try {
        const pgCtl = [join(bin, 'pg_ctl'), '-D', dataDir, '-m', 'immediate', 'stop'];
        if (ids) execFileSync('runuser', ['-u', 'postgres', '--', ...pgCtl], { stdio: 'ignore' });
        else execFileSync(pgCtl[0], pgCtl.slice(1), { stdio: 'ignore' });
      } catch {
        // Already stopped.
      }
      cleanup();
    };
    process.once('exit', stopOnExit);

    return {
      url: `postgres://postgres@127.0.0.1:${port}/${dbName}`,
      async stop() {
        process.off('exit', stopOnExit);
        try {
          await as('pg_ctl', ['-D', dataDir, '-m', 'immediate', '-w', 'stop']);
        } finally {
          cleanup();
        }
      },
    };
  } catch (err) {
    const log = existsSync(logFile) ? readFileSync(logFile, 'utf8').slice(-2000) : '(no server log)';
    // Best effort: a half-started server must not outlive the test run.
    await as('pg_ctl', ['-D', dataDir, '-m', 'immediate', 'stop']).catch(() => undefined);
    cleanup();
    throw new Error(`Could not start a test PostgreSQL: ${err instanceof Error ? err.message : String(err)}\n${log}`, { cause: err });
  }
}

/**
 * A real server with two pools on it — two bot instances — each opening a store at once, as on a
 * simultaneous deploy. `truncate` empties the store's table between tests.
 */
export async function twoInstanceStores<S>(open: (pool: Pool) => Promise<S>, table: string): Promise<{ stores: S[]; truncate(): Promise<void>; close(): Promise<void> }> {
  const server = await startPostgres();
  // Several connections per pool, so concurrent work really overlaps.
  const pools = [new Pool({ connectionString: server.url, max: 4 }), new Pool({ connectionString: server.url, max: 4 })];
  const close = async () => {
    await Promise.all(pools.map((p) => p.end()));
    await server.stop();
  };
  try {
    const stores = await Promise.all(pools.map(open));
    return { stores, truncate: async () => void (await pools[0]!.query(`TRUNCATE ${table}`)), close };
  } catch (err) {
    await close();
    throw err;
  }
}
