import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir, userInfo } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';

/** Debian's WordPress (the `wordpress` package). */
const DEBIAN_WORDPRESS = '/usr/share/wordpress';
const CLI_SCRIPT = resolve(import.meta.dirname, 'wordpress-cli.php');

/** A program on PATH or in the system folders a non-root PATH may lack. */
function findProgram(...names: string[]): string | null {
  const folders = [...(process.env.PATH ?? '').split(delimiter), '/usr/sbin', '/usr/bin'];
  for (const name of names) {
    for (const folder of folders) {
      if (folder && existsSync(join(folder, name))) return join(folder, name);
    }
  }
  return null;
}

const programs = () => ({
  php: findProgram('php'),
  installDb: findProgram('mariadb-install-db', 'mysql_install_db'),
  mariadbd: findProgram('mariadbd', 'mysqld'),
});

/**
 * Why WordPress cannot run here, or null when PHP, Debian's WordPress and MariaDB are installed
 * (`.ci/run` installs them).
 */
export function wordpressMissing(): string | null {
  const found = programs();
  const missing = [
    found.php ? null : 'php (php-cli, php-mysql)',
    existsSync(join(DEBIAN_WORDPRESS, 'wp-includes')) ? null : `${DEBIAN_WORDPRESS} (wordpress)`,
    existsSync(join(DEBIAN_WORDPRESS, 'wp-content/themes/twentytwentythree'))
      ? null
      : 'the default theme (wordpress-theme-twentytwentythree)',
    found.installDb && found.mariadbd ? null : 'mariadbd (mariadb-server-core)',
  ].filter(Boolean);
  return missing.length
    ? `needs ${missing.join(', ')} from Debian's packages; .ci/run installs them`
    : null;
}

export interface WordPressSite {
  /** The site's address, such as http://localhost:41234. */
  url: string;
  admin: { name: string; password: string };
  /** Runs a command of wordpress-cli.php against this site and returns its JSON answer. */
  cli<T = Record<string, unknown>>(command: string, ...args: string[]): Promise<T>;
  /** What PHP logged (WP_DEBUG_LOG): warnings, notices, errors. */
  debugLog(): Promise<string>;
  stop(): Promise<void>;
}

interface Child {
  process: ChildProcess;
  /** The last lines it wrote to stdout and stderr. */
  output: string[];
  listeners: Set<(line: string) => void>;
  stop(): Promise<void>;
}

/** Spawns a program in its own process group, so stopping it stops what it forked too. */
function start(program: string, args: string[], env: Record<string, string> = {}): Child {
  const child = spawn(program, args, {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const output: string[] = [];
  const listeners = new Set<(line: string) => void>();
  for (const stream of [child.stdout!, child.stderr!]) {
    createInterface({ input: stream }).on('line', (line) => {
      output.push(line);
      if (output.length > 200) output.shift();
      for (const listener of listeners) listener(line);
    });
  }
  const killGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, signal);
    } catch {
      // Already gone.
    }
  };
  const onExit = () => killGroup('SIGKILL');
  process.once('exit', onExit);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    process: child,
    output,
    listeners,
    async stop() {
      process.off('exit', onExit);
      if (child.exitCode !== null || child.signalCode !== null) return killGroup('SIGKILL');
      killGroup('SIGTERM');
      const timer = setTimeout(() => killGroup('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
      // Workers the server forked share its group and may outlive it by a moment.
      killGroup('SIGKILL');
    },
  };
}

/** Resolves with the first line of output that matches, or rejects when the child exits. */
function waitForLine(child: Child, pattern: RegExp, what: string): Promise<RegExpExecArray> {
  return new Promise((resolve, reject) => {
    const seen = child.output.map((line) => pattern.exec(line)).find(Boolean);
    if (seen) return resolve(seen);
    const done = () => {
      clearTimeout(timer);
      child.listeners.delete(listener);
      child.process.off('exit', exited);
    };
    const fail = (message: string) => {
      done();
      reject(new Error(`${message}:\n${child.output.join('\n')}`));
    };
    const listener = (line: string) => {
      const match = pattern.exec(line);
      if (!match) return;
      done();
      resolve(match);
    };
    const exited = (code: number | null) => fail(`${what} exited with ${code}`);
    const timer = setTimeout(() => fail(`${what} did not start in 30 s`), 30_000);
    child.listeners.add(listener);
    child.process.once('exit', exited);
  });
}

function run(program: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(program, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0
        ? resolve(stdout)
        : reject(
            new Error(`${program} ${args.join(' ')} exited with ${code}:\n${stdout}${stderr}`),
          ),
    );
  });
}

/** A MariaDB server of its own over a fresh data folder, reachable only through a socket. */
async function startMariaDb(folder: string): Promise<{ socket: string; server: Child }> {
  const { installDb, mariadbd } = programs();
  const datadir = join(folder, 'db');
  const socket = join(folder, 'mariadb.sock');
  // As root, MariaDB refuses to run unless told to run as root.
  const asUser = process.getuid?.() === 0 ? [`--user=${userInfo().username}`] : [];
  await run(installDb!, [
    '--no-defaults',
    `--datadir=${datadir}`,
    '--auth-root-authentication-method=normal',
    '--skip-test-db',
    '--skip-name-resolve',
    ...asUser,
  ]);
  const server = start(mariadbd!, [
    '--no-defaults',
    `--datadir=${datadir}`,
    `--socket=${socket}`,
    `--pid-file=${join(folder, 'mariadb.pid')}`,
    '--skip-networking',
    '--skip-log-bin',
    '--innodb-buffer-pool-size=32M',
    // Throw-away data: no need to wait for the disk.
    '--innodb-flush-log-at-trx-commit=0',
    '--innodb-doublewrite=0',
    ...asUser,
  ]);
  await waitForLine(server, /ready for connections/, 'MariaDB');
  return { socket, server };
}

const phpString = (value: string) => `'${value.replace(/[\\']/g, (char) => `\\${char}`)}'`;

function wpConfig(options: { url: string; socket: string; debugLog: string }): string {
  const constants: Record<string, string | boolean> = {
    DB_NAME: 'wordpress',
    DB_USER: 'root',
    DB_PASSWORD: '',
    DB_HOST: `localhost:${options.socket}`,
    DB_CHARSET: 'utf8mb4',
    DB_COLLATE: '',
    WP_HOME: options.url,
    WP_SITEURL: options.url,
    WP_DEBUG: true,
    WP_DEBUG_LOG: options.debugLog,
    WP_DEBUG_DISPLAY: false,
    // A closed network and one PHP server: no update checks, no cron calling itself.
    WP_HTTP_BLOCK_EXTERNAL: true,
    AUTOMATIC_UPDATER_DISABLED: true,
    DISABLE_WP_CRON: true,
    FS_METHOD: 'direct',
  };
  for (const key of ['AUTH', 'SECURE_AUTH', 'LOGGED_IN', 'NONCE']) {
    constants[`${key}_KEY`] = randomBytes(32).toString('hex');
    constants[`${key}_SALT`] = randomBytes(32).toString('hex');
  }
  const lines = Object.entries(constants).map(
    ([name, value]) =>
      `define( '${name}', ${typeof value === 'boolean' ? String(value) : phpString(value)} );`,
  );
  return [
    '<?php',
    ...lines,
    "$table_prefix = 'wp_';",
    "if ( ! defined( 'ABSPATH' ) ) {",
    "\tdefine( 'ABSPATH', __DIR__ . '/' );",
    '}',
    "require_once ABSPATH . 'wp-settings.php';",
    '',
  ].join('\n');
}

/**
 * A real WordPress from Debian's package on throw-away state: its own MariaDB on a socket in a
 * temporary folder, a copy of /usr/share/wordpress with our own wp-config.php (Debian's reads
 * /etc/wordpress), the plugin copied in and activated, served by PHP's built-in server on a free
 * port. Call `stop` in `after`.
 */
export async function startWordPress(options: {
  plugins: Record<string, string>;
  title?: string;
}): Promise<WordPressSite> {
  const folder = await mkdtemp(join(tmpdir(), 'portico-wp-'));
  const site = join(folder, 'site');
  const debugLog = join(folder, 'debug.log');
  const children: Child[] = [];
  const stop = async () => {
    await Promise.all(children.map((child) => child.stop()));
    await rm(folder, { recursive: true, force: true });
  };
  try {
    const copied = (async () => {
      // Debian's tree links into /etc and /var/lib: copy what the links point to.
      await cp(DEBIAN_WORDPRESS, site, { recursive: true, dereference: true });
      await rm(join(site, 'wp-config.php'));
      for (const [name, source] of Object.entries(options.plugins)) {
        await cp(source, join(site, 'wp-content/plugins', name), { recursive: true });
      }
    })();
    const [database] = await Promise.all([startMariaDb(folder), copied]);
    children.push(database.server);

    const php = programs().php!;
    const server = start(php, ['-S', '127.0.0.1:0', '-t', site], {
      // Browsers fetch several files at once; one PHP process would serve them in turn.
      PHP_CLI_SERVER_WORKERS: '4',
    });
    children.push(server);
    const [, port] = await waitForLine(
      server,
      /Development Server \(http:\/\/127\.0\.0\.1:(\d+)\) started/,
      'PHP',
    );
    // The name the browser and Portico share, so Portico's cookies stay first-party.
    const url = `http://localhost:${port}`;
    await writeFile(
      join(site, 'wp-config.php'),
      wpConfig({ url, socket: database.socket, debugLog }),
    );
    await run(php, [
      '-r',
      `$db = new mysqli('localhost', 'root', '', '', 0, ${phpString(database.socket)}); ` +
        "$db->query('CREATE DATABASE wordpress') || exit(1);",
    ]);

    const cli = async <T>(command: string, ...args: string[]): Promise<T> => {
      const output = await run(php, [CLI_SCRIPT, site, command, ...args]);
      return JSON.parse(output.trim().split('\n').at(-1)!) as T;
    };
    const admin = { name: 'admin', password: 'correct horse battery staple' };
    await cli(
      'install',
      options.title ?? 'Portico Test Shop',
      admin.name,
      'admin@shop.test',
      admin.password,
    );
    for (const name of Object.keys(options.plugins)) {
      await cli('activate', `${name}/${name}.php`);
    }
    return {
      url,
      admin,
      cli,
      debugLog: () => readFile(debugLog, 'utf8').catch(() => ''),
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
