import { describe, expect, it } from 'vitest';
import { resolveChromiumExecutable } from './launch-chromium.ts';

describe('resolveChromiumExecutable', () => {
  it('rejects a CHROMIUM_PATH that does not exist, instead of silently using another browser', async () => {
    await expect(resolveChromiumExecutable({ CHROMIUM_PATH: '/nonexistent/chromium' })).rejects.toThrow(
      /CHROMIUM_PATH points to a missing file/,
    );
  });

  it('uses CHROMIUM_PATH when it exists', async () => {
    const found = await resolveChromiumExecutable({ CHROMIUM_PATH: process.execPath });
    expect(found).toEqual({ path: process.execPath, source: 'env', env: {} });
  });

  it('rejects an unknown SUNSHINE_BROWSER value', async () => {
    await expect(resolveChromiumExecutable({ SUNSHINE_BROWSER: 'firefox' })).rejects.toThrow(
      /SUNSHINE_BROWSER/,
    );
  });
});
