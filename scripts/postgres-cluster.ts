// A throw-away PostgreSQL server for the tests: a fresh cluster in a temporary folder, on a free
// loopback port, tuned for speed over safety (its data is worthless once the tests end).
//
//   node scripts/postgres-cluster.ts run -- <command…>
//     starts a cluster, runs the command with PORTICO_TEST_DATABASE_URL pointing at it, then stops
//     and deletes the cluster, whatever the command's outcome, and exits with the command's status.
//     With PORTICO_TEST_DATABASE_URL already set, it runs the command on that server instead.
//   node scripts/postgres-cluster.ts start
//     starts one and prints `export` lines for a shell to eval; the server outlives the script.
//   node scripts/postgres-cluster.ts stop [folder]
//     stops and deletes the one `start` made (folder defaults to PORTICO_TEST_CLUSTER_DIR).
//
// It uses Debian's server programs (the newest of /usr/lib/postgresql/*/bin). Run as root, the
// server runs as the `postgres` user: PostgreSQL refuses to run as root.
import { spawn, spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { appendFileSync, chownSync, existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { constants, tmpdir } from 'node:os';
import { join } from 'node:path';

const USER = 'portico';
const SERVER_ROOT = '/usr/lib/postgresql';
/** Marks a folder as one of ours, so `stop` never deletes anything else. */
const MARKER = 'portico-test-cluster.json';

/**
 * Safety traded for speed: nothing is flushed to disk, since a crash only loses test data. Many
 * connections, since every test server opens two pools and the suite runs servers side by side.
 */
const SETTINGS = {
  listen_addresses: "'127.0.0.1'",
  fsync: 'off',
  synchronous_commit: 'off',
  full_page_writes: 'off',
  max_connections: '300',
  shared_buffers: "'128MB'",
  log_min_messages: 'warning',
};

interface Cluster {
  folder: string;
  bin: string;
  port: number;
  url: string;
}

class ClusterError extends Error {}

/** The bin folder of the newest PostgreSQL installed from Debian's packages. */
function serverPrograms(): string {
  const versions = existsSync(SERVER_ROOT)
    ? readdirSync(SERVER_ROOT)
        .filter((version) => existsSync(join(SERVER_ROOT, version, 'bin', 'initdb')))
        .sort((a, b) => Number.parseFloat(b) - Number.parseFloat(a))
    : [];
  if (versions.length === 0) {
    throw new ClusterError(
      `PostgreSQL's server programs are missing (no ${SERVER_ROOT}/*/bin/initdb): install postgresql (apt-get install postgresql)`,
    );
  }
  return join(SERVER_ROOT, versions[0]!, 'bin');
}

const asRoot = process.getuid?.() === 0;

/** Runs a server program, as the `postgres` user when this script runs as root. */
function runProgram(program: string, args: string[], options: SpawnSyncOptions = {}) {
  const [command, ...rest] = asRoot
    ? ['runuser', '-u', 'postgres', '--', program, ...args]
    : [program, ...args];
  const result = spawnSync(command!, rest, { encoding: 'utf8', ...options });
  if (result.error) throw result.error;
  return result;
}

function mustRun(program: string, args: string[]): void {
  const result = runProgram(program, args);
  if (result.status !== 0) {
    throw new ClusterError(
      `${program} ${args.join(' ')} failed (${result.status ?? result.signal}):\n${result.stdout}${result.stderr}`,
    );
  }
}

/** A port nothing listens on right now (the server may still lose it to a race; see `start`). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

function ownByServerUser(folder: string): void {
  if (!asRoot) return;
  const id = (flag: string) => {
    const result = spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' });
    if (result.status !== 0) {
      throw new ClusterError('running as root needs the `postgres` user: install postgresql');
    }
    return Number(result.stdout.trim());
  };
  const [uid, gid] = [id('-u'), id('-g')];
  const chown = (path: string) => {
    chownSync(path, uid, gid);
    for (const entry of readdirSync(path, { withFileTypes: true })) {
      if (entry.isDirectory()) chown(join(path, entry.name));
      else chownSync(join(path, entry.name), uid, gid);
    }
  };
  chown(folder);
}

export async function startCluster(): Promise<Cluster> {
  const bin = serverPrograms();
  // As root, under /tmp: the `postgres` user must reach the folder (a TMPDIR under /root is
  // closed to it), and the socket's path must stay short.
  const folder = mkdtempSync(join(asRoot ? '/tmp' : tmpdir(), 'portico-pg-'));
  const data = join(folder, 'data');
  writeFileSync(join(folder, MARKER), JSON.stringify({ bin }) + '\n');
  try {
    ownByServerUser(folder);
    mustRun(join(bin, 'initdb'), [
      ...['-D', data, '-U', USER, '-E', 'UTF8', '--locale=C.UTF-8', '--auth=trust'],
      ...['--no-sync', '--no-instructions'],
    ]);
    // Only loopback TCP and a socket in the cluster's own folder: nothing outside can reach it.
    const settings = { ...SETTINGS, unix_socket_directories: `'${folder}'` };
    appendFileSync(
      join(data, 'postgresql.conf'),
      Object.entries(settings)
        .map(([name, value]) => `${name} = ${value}\n`)
        .join(''),
    );
    for (let attempt = 1; ; attempt++) {
      const port = await freePort();
      // Each attempt's own log, so only this attempt's failure decides whether to try again.
      rmSync(join(folder, 'server.log'), { force: true });
      const started = runProgram(join(bin, 'pg_ctl'), [
        ...['-D', data, '-l', join(folder, 'server.log'), '-w', '-t', '60'],
        ...['-o', `-p ${port}`, 'start'],
      ]);
      if (started.status === 0) {
        const url = `postgres://${USER}@127.0.0.1:${port}/postgres`;
        writeFileSync(join(folder, MARKER), JSON.stringify({ bin, port, url }) + '\n');
        return { folder, bin, port, url };
      }
      const log = existsSync(join(folder, 'server.log'))
        ? readFileSync(join(folder, 'server.log'), 'utf8')
        : '';
      // Another program took the port between our look and the server's bind: try another.
      if (attempt < 3 && /could not bind|address already in use/i.test(log)) continue;
      throw new ClusterError(`PostgreSQL did not start:\n${started.stderr}${log}`);
    }
  } catch (error) {
    stopCluster(folder);
    throw error;
  }
}

/** Stops the server at once (its data is thrown away anyway) and deletes its folder. */
export function stopCluster(folder: string): void {
  const marker = join(folder, MARKER);
  if (!existsSync(marker)) return;
  const { bin } = JSON.parse(readFileSync(marker, 'utf8')) as { bin: string };
  const data = join(folder, 'data');
  if (existsSync(join(data, 'postmaster.pid'))) {
    runProgram(join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', '-t', '30', 'stop']);
  }
  rmSync(folder, { recursive: true, force: true });
}

/** Runs `command` with the server's URL, stopping the cluster however the command ends. */
async function run(command: string[]): Promise<number> {
  if (command.length === 0) throw new ClusterError('usage: postgres-cluster.ts run -- <command…>');
  const given = process.env.PORTICO_TEST_DATABASE_URL || undefined;
  let cluster: Cluster | undefined;
  if (given) {
    console.error(`PostgreSQL: using the server at PORTICO_TEST_DATABASE_URL`);
  } else {
    cluster = await startCluster();
    console.error(`PostgreSQL: a throw-away cluster at ${cluster.url}`);
  }
  const stop = () => {
    if (cluster) stopCluster(cluster.folder);
    cluster = undefined;
  };
  process.once('exit', stop);
  const child = spawn(command[0]!, command.slice(1), {
    stdio: 'inherit',
    env: { ...process.env, PORTICO_TEST_DATABASE_URL: given ?? cluster!.url },
  });
  // A signal to this script goes on to the command, which ends; the cluster stops after it.
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
  const forward = (signal: NodeJS.Signals) => child.kill(signal);
  for (const signal of signals) process.on(signal, forward);
  const status = await new Promise<number>((resolve) => {
    child.once('error', (error) => {
      console.error(`${command[0]}: ${error.message}`);
      resolve(127);
    });
    child.once('exit', (code, signal) => {
      resolve(code ?? 128 + (signal ? constants.signals[signal] : 0));
    });
  });
  for (const signal of signals) process.off(signal, forward);
  stop();
  return status;
}

async function main(args: string[]): Promise<number> {
  const [mode, ...rest] = args;
  switch (mode) {
    case 'run':
      return run(rest[0] === '--' ? rest.slice(1) : rest);
    case 'start': {
      const cluster = await startCluster();
      console.log(`export PORTICO_TEST_DATABASE_URL=${cluster.url}`);
      console.log(`export PORTICO_TEST_CLUSTER_DIR=${cluster.folder}`);
      return 0;
    }
    case 'stop': {
      const folder = rest[0] ?? process.env.PORTICO_TEST_CLUSTER_DIR;
      if (!folder)
        throw new ClusterError('stop: which cluster? (a folder or PORTICO_TEST_CLUSTER_DIR)');
      stopCluster(folder);
      return 0;
    }
    default:
      throw new ClusterError(
        'usage: postgres-cluster.ts run -- <command…> | start | stop [folder]',
      );
  }
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  console.error(error instanceof ClusterError ? error.message : error);
  process.exitCode = 1;
}
