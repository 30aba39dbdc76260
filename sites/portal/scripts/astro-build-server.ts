// A long-lived child process that runs `astro build` on request (Astro's programmatic API), forked by
// run-astro-build.ts for builds that keep a cache folder. A cold `astro build` spends seconds starting
// Node, loading Astro and Vite and compiling them before it renders anything; a process that stays
// between the rebuilds of `npm start` pays that once, which is what makes a rebuild after a change in one
// village a few percent of a full build. Its environment (publications folder, cache folder) is fixed
// when it starts; run-astro-build.ts starts another one when that changes.
import { performance } from 'node:perf_hooks';
import { build } from 'astro';

export interface BuildRequest {
  id: number;
  root: string;
  outDir: string;
  force: boolean;
  /** Keep what `outDir` holds: the incremental build writes only the pages it renders. */
  keepOutDir: boolean;
}

export interface BuildReply {
  id: number;
  ok: boolean;
  ms: number;
  pagesReused: number;
  /** Peak memory of this process so far, kB. */
  maxRssKb: number;
  /** The end of Astro's output, when the build failed. */
  error?: string;
}

let busy = Promise.resolve();

async function run(request: BuildRequest): Promise<BuildReply> {
  const started = performance.now();
  const tail: string[] = [];
  let pagesReused = 0;
  let partial = '';
  const writeOut = process.stdout.write.bind(process.stdout);
  const writeErr = process.stderr.write.bind(process.stderr);
  // Astro logs one line per page; count the reused ones and keep the last lines for errors.
  const capture = ((chunk: string | Uint8Array): boolean => {
    const lines = (partial + (typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString())).split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) {
      if (/\((?:cached|restored)\)/.test(line)) pagesReused++;
      tail.push(line);
    }
    if (tail.length > 400) tail.splice(0, tail.length - 400);
    return true;
  }) as typeof process.stdout.write;
  process.stdout.write = capture;
  process.stderr.write = capture;
  // This process keeps the site's modules between builds; their caches of the publication are keyed by
  // this (src/content/read-publications.ts), so each build reads the publication afresh.
  process.env.SUNSHINE_BUILD_GENERATION = String(request.id);
  try {
    await build({
      root: request.root,
      outDir: request.outDir,
      force: request.force,
      ...(request.keepOutDir ? { vite: { build: { emptyOutDir: false } } } : {}),
    });
    return {
      id: request.id,
      ok: true,
      ms: performance.now() - started,
      pagesReused,
      maxRssKb: process.resourceUsage().maxRSS,
    };
  } catch (error) {
    tail.push(partial, String(error instanceof Error ? (error.stack ?? error.message) : error));
    return {
      id: request.id,
      ok: false,
      ms: performance.now() - started,
      pagesReused,
      maxRssKb: process.resourceUsage().maxRSS,
      error: tail.join('\n'),
    };
  } finally {
    process.stdout.write = writeOut;
    process.stderr.write = writeErr;
  }
}

process.on('message', (request: BuildRequest) => {
  busy = busy.then(async () => {
    const reply = await run(request);
    process.send?.(reply);
  });
});
// The parent went away: nothing more will be asked.
process.on('disconnect', () => process.exit(0));
