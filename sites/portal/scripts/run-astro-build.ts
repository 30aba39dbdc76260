import { type ChildProcess, fork, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BuildReply, BuildRequest } from './astro-build-server.ts';

export interface AstroBuildOptions {
  /** The Astro project folder (its astro.config.mjs is used). */
  root: string;
  outDir: string;
  /** Environment added to this process's (Vitest's markers and NODE_ENV are dropped). */
  env?: Record<string, string>;
  /** Ignore every cache (Astro's `--force`): a full build that still records a cache for the next one. */
  force?: boolean;
  /** Keep what `outDir` holds instead of emptying it first (incremental builds into a work folder). */
  keepOutDir?: boolean;
  /**
   * Build in a long-lived process (astro-build-server.ts) kept for the next build with the same root
   * and environment, instead of a fresh `astro build` process.
   */
  warm?: boolean;
}

export interface AstroBuildResult {
  ms: number;
  /** Peak resident set size of the build process, in kB (null when it could not be measured). */
  maxRssKb: number | null;
  /** Pages Astro copied from its incremental cache or found in place instead of rendering them. */
  pagesReused: number;
}

const scriptsDir = dirname(fileURLToPath(import.meta.url));
const reportMaxRss = pathToFileURL(join(scriptsDir, 'report-max-rss.ts')).href;
/** A warm build process is replaced once it has grown past this (Astro keeps some memory per build). */
const MAX_SERVER_RSS_KB = 2 * 1024 * 1024;

function childEnvironment(env: Record<string, string>): NodeJS.ProcessEnv {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env };
  // Vitest marks its workers as tests; Astro must build for production regardless.
  delete childEnv.VITEST;
  delete childEnv.NODE_ENV;
  childEnv.ASTRO_TELEMETRY_DISABLED = '1';
  childEnv.NO_COLOR = '1';
  return childEnv;
}

/**
 * The folder an Astro build of `outDir` runs in. Astro renders static pages from a server bundle it
 * writes into `<outDir>/.prerender/` when `outDir` lies inside the working folder, else into
 * `<working folder>/.astro/.prerender/`, and deletes it afterwards. Our sites are built outside the
 * portal, so two builds run from the portal folder (tests, a benchmark beside `npm start`) wrote and
 * deleted each other's bundle. Each output folder gets a working folder of its own inside the portal
 * (the bundle must lie under the portal for its imports to find `node_modules`).
 */
async function buildCwd(root: string, outDir: string): Promise<string> {
  const id = createHash('sha256').update(outDir).digest('hex').slice(0, 16);
  const cwd = join(root, '.astro', 'builds', id);
  await mkdir(cwd, { recursive: true });
  return cwd;
}

/** Runs `astro build`, in a fresh child process or in a warm one (see `warm`). */
export function runAstroBuild(options: AstroBuildOptions): Promise<AstroBuildResult> {
  return options.warm ? runWarm(options) : runCold(options);
}

/**
 * A fresh child process: Astro reads its configuration and environment once per process, so a child
 * keeps builds from different publications (and the test runner) apart, and its peak memory is the
 * build's own.
 */
async function runCold({
  root,
  outDir,
  env = {},
  force = false,
  keepOutDir = false,
}: AstroBuildOptions): Promise<AstroBuildResult> {
  if (keepOutDir) throw new Error('runAstroBuild: keepOutDir needs a warm build process');
  const cwd = await buildCwd(root, outDir);
  const require = createRequire(import.meta.url);
  const astroBin = join(dirname(require.resolve('astro/package.json')), 'bin', 'astro.mjs');
  const childEnv = childEnvironment(env);
  const rssDir = await mkdtemp(join(tmpdir(), 'sunshine-astro-rss-'));
  const rssFile = join(rssDir, 'max-rss');
  childEnv.SUNSHINE_MAX_RSS_FILE = rssFile;

  const output: string[] = [];
  let pagesReused = 0;
  const started = performance.now();
  const code = await new Promise<number | null>((resolve, reject) => {
    const args = ['--import', reportMaxRss, astroBin, 'build', '--root', root, '--outDir', outDir];
    if (force) args.push('--force');
    const child = spawn(process.execPath, args, {
      cwd,
      env: childEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    // Astro logs one line per page; only the reuse marks are counted, and the tail kept for errors.
    let partial = '';
    const keep = (chunk: Buffer): void => {
      const lines = (partial + chunk.toString()).split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) {
        if (/\((?:cached|restored)\)/.test(line)) pagesReused++;
        output.push(line);
      }
      if (output.length > 400) output.splice(0, output.length - 400);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.on('error', reject);
    child.on('close', (exit) => {
      if (partial) output.push(partial);
      resolve(exit);
    });
  });
  const ms = performance.now() - started;
  const maxRss = await readFile(rssFile, 'utf8').then(Number, () => Number.NaN);
  await rm(rssDir, { recursive: true, force: true });
  if (code !== 0) throw new Error(`astro build failed (exit ${code}):\n${output.join('\n')}`);
  return { ms, maxRssKb: Number.isFinite(maxRss) ? maxRss : null, pagesReused };
}

interface Server {
  key: string;
  child: ChildProcess;
  pending: Map<number, (reply: BuildReply) => void>;
  exited: Promise<void>;
}

const servers = new Map<string, Server>();
let nextRequest = 1;

function startServer(cwd: string, env: Record<string, string>, key: string): Server {
  const child = fork(join(scriptsDir, 'astro-build-server.ts'), [], {
    cwd,
    env: childEnvironment(env),
    execArgv: [],
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  const server: Server = {
    key,
    child,
    pending: new Map(),
    exited: new Promise((resolve) => child.once('exit', () => resolve())),
  };
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-20_000);
  });
  child.on('message', (reply: BuildReply) => {
    server.pending.get(reply.id)?.(reply);
    server.pending.delete(reply.id);
    if (server.pending.size === 0) idle(server);
  });
  child.on('exit', (code) => {
    if (servers.get(cwd)?.child === child) servers.delete(cwd);
    for (const [id, answer] of server.pending) {
      answer({
        id,
        ok: false,
        ms: 0,
        pagesReused: 0,
        maxRssKb: 0,
        error: `build process exited (${code}):\n${stderr}`,
      });
    }
    server.pending.clear();
  });
  return server;
}

/** An idle server must not keep the parent alive (npm start exits on Ctrl-C, tests end). */
function idle(server: Server): void {
  server.child.unref();
  server.child.channel?.unref();
  (server.child.stderr as unknown as { unref?: () => void } | null)?.unref?.();
}

function busy(server: Server): void {
  server.child.ref();
  server.child.channel?.ref();
  (server.child.stderr as unknown as { ref?: () => void } | null)?.ref?.();
}

async function runWarm({
  root,
  outDir,
  env = {},
  force = false,
  keepOutDir = false,
}: AstroBuildOptions): Promise<AstroBuildResult> {
  // One warm process per output folder (each runs in its own working folder, see buildCwd).
  const cwd = await buildCwd(root, outDir);
  const key = JSON.stringify({ root, cwd, env });
  let server = servers.get(cwd);
  if (server && server.key !== key) {
    await stopServer(server);
    server = undefined;
  }
  if (!server) {
    server = startServer(cwd, env, key);
    servers.set(cwd, server);
  }
  const request: BuildRequest = { id: nextRequest++, root, outDir, force, keepOutDir };
  const current = server;
  busy(current);
  const reply = await new Promise<BuildReply>((resolve) => {
    current.pending.set(request.id, resolve);
    current.child.send(request);
  });
  if (!reply.ok) {
    await stopServer(current);
    throw new Error(`astro build failed:\n${reply.error ?? ''}`);
  }
  if (reply.maxRssKb > MAX_SERVER_RSS_KB) await stopServer(current);
  return { ms: reply.ms, maxRssKb: reply.maxRssKb, pagesReused: reply.pagesReused };
}

async function stopServer(server: Server): Promise<void> {
  const { cwd } = JSON.parse(server.key) as { cwd: string };
  if (servers.get(cwd)?.child === server.child) servers.delete(cwd);
  if (server.child.exitCode === null && server.child.signalCode === null) {
    // Held open until it has gone, so that a caller awaiting this does not see its process end first.
    busy(server);
    server.child.kill();
    await server.exited;
  }
}

/** Stops every warm build process (for tests and benchmarks that want a clean exit). */
export async function stopAstroBuildServers(): Promise<void> {
  await Promise.all([...servers.values()].map(stopServer));
}
