/** A `--flag <n>` option of a benchmark's command line: a positive whole number, or `fallback` when not given. */
export function wholeNumberOption(argv: readonly string[], flag: string, fallback: number): number {
  const at = argv.indexOf(flag);
  if (at < 0) return fallback;
  const n = Number(argv[at + 1]);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${flag} takes a positive whole number`);
  return n;
}
