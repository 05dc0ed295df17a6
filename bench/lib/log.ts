// Progress lines for the person running the bench. They go to stderr so that stdout stays
// free for whoever pipes the summary.

const started = performance.now();

export function progress(message: string): void {
  const seconds = ((performance.now() - started) / 1000).toFixed(1).padStart(6);
  process.stderr.write(`[bench ${seconds}s] ${message}\n`);
}
