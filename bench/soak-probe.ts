/*
 * Loaded into the soak's server process with `--import` (and `--expose-gc`): on SIGUSR2 it
 * collects garbage and writes the memory still in use as one JSON line to stderr. Only the soak
 * uses it; the server itself has no such hook.
 */
process.on('SIGUSR2', () => {
  (globalThis as { gc?: () => void }).gc?.();
  const { heapUsed, rss } = process.memoryUsage();
  process.stderr.write(`${JSON.stringify({ soakMemory: { heapUsed, rss } })}\n`);
});
