import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CARD, MOBILE, NAME, RESIDENT_ID } from './leak-scan/test-values.ts';

const run = promisify(execFile);
const cli = fileURLToPath(new URL('./scan-for-leaks-cli.ts', import.meta.url));
let root: string;

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'leak-scan-cli-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

async function runCli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', cli, ...args]);
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('the leak-scan command', () => {
  it('prints file:offset and kind for each hit, never the value, and exits 1', async () => {
    const dir = await mkdtemp(path.join(root, 'leaky-'));
    await writeFile(path.join(dir, 'index.html'), `<p>${NAME}</p><p>${RESIDENT_ID}</p>`);
    await writeFile(path.join(dir, 'x.pf_fragment'), gzipSync(`{"c":"${MOBILE} ${CARD}"}`));
    const namesFile = path.join(root, 'names.txt');
    await writeFile(namesFile, `李雷\n${NAME}\r\n\n`);
    const { code, stdout, stderr } = await runCli([dir, '--names', namesFile]);
    expect(code).toBe(1);
    expect(stdout).toContain(`index.html:3 NAME\n`);
    expect(stdout).toContain(`index.html:${3 + Buffer.byteLength(`${NAME}</p><p>`)} RESIDENT_ID\n`);
    expect(stdout).toMatch(/x\.pf_fragment:\d+ MOBILE \(in decompressed content\)/);
    expect(stdout).toMatch(/x\.pf_fragment:\d+ CARD \(in decompressed content\)/);
    expect(stdout).toMatch(/leak scan FAILED: 2 files, \d+ bytes, \d+ ms, \d+ hits, 0 unreadable/);
    for (const value of [NAME, RESIDENT_ID, MOBILE, CARD]) {
      expect(stdout).not.toContain(value);
      expect(stderr).not.toContain(value);
    }
  });

  it('exits 0 with a summary when nothing is found', async () => {
    const dir = await mkdtemp(path.join(root, 'clean-'));
    await writeFile(path.join(dir, 'index.html'), '<p>张*娓 3301**********1234 金额 1234567 分</p>');
    const { code, stdout } = await runCli([dir]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^leak scan passed: 1 files, \d+ bytes, \d+ ms, 0 hits, 0 unreadable\n$/);
  });

  it('exits 2 on wrong usage or a missing directory', async () => {
    expect((await runCli([])).code).toBe(2);
    expect((await runCli([path.join(root, 'no-such-dir')])).code).toBe(2);
  });
});
