/**
 * Phase-by-phase memory of a load, for finding where a large one spends it
 * (`LOAD_TRACE=1 node dist/bench/load-scale.js …`): one stderr line per phase
 * with its time, the heap and resident memory when it ended, and the peak
 * resident size so far (a phase that raised it set the process's peak).
 * Silent, and nearly free, when LOAD_TRACE is unset.
 */
const enabled = process.env.LOAD_TRACE === '1';
let last = performance.now();

const mib = (bytes: number): number => Math.round(bytes / 1048576);

/** Marks the end of phase `name`. */
export function tracePhase(name: string): void {
  if (!enabled) return;
  const now = performance.now();
  const m = process.memoryUsage();
  process.stderr.write(
    `[load] ${name.padEnd(36)} ${String(Math.round(now - last)).padStart(6)} ms` +
      `  heap ${mib(m.heapUsed)}/${mib(m.heapTotal)}  ext ${mib(m.external)}  rss ${mib(m.rss)}` +
      `  peak ${Math.round(process.resourceUsage().maxRSS / 1024)} MiB\n`,
  );
  last = now;
}
