import { writeSync } from 'node:fs';

/** Loaded with `node --require` into a measured process: prints its peak resident memory (KiB) to stderr as it exits. */
process.on('exit', () => {
  writeSync(2, `\nmax-rss-kib ${process.resourceUsage().maxRSS}\n`);
});
