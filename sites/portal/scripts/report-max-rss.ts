// Loaded with `node --import` into a build's child process: on exit, writes the process's peak resident
// set size (kB) to the file named by SUNSHINE_MAX_RSS_FILE, so the parent can report the build's memory.
import { writeFileSync } from 'node:fs';

const file = process.env.SUNSHINE_MAX_RSS_FILE;
if (file) {
  process.on('exit', () => {
    try {
      writeFileSync(file, String(process.resourceUsage().maxRSS));
    } catch {
      // Reporting memory must never fail a build.
    }
  });
}
