/**
 * Garbage collection at the loader's phase boundaries, so that a large load's
 * peak memory is close to what it really holds (measured at 1000×, see
 * `npm run bench`):
 * - V8 collects its old generation when the heap reaches a limit it sets at up
 *   to 4× the live size on a machine with memory to spare: with some 300 MB
 *   live, the loader peaked near 2 GB, most of it garbage (file texts already
 *   parsed, rows already staged);
 * - Kuzu's COPY and index builds allocate natively, which V8 never sees: the
 *   garbage left when staging ends would stay through the whole COPY.
 * A collection costs a few hundred ms on such a heap, so one runs only when
 * the heap has grown by `growthMiB` since the last one; a small load never
 * triggers any.
 *
 * `gc` is not a global without `--expose-gc`; the flag is turned on here and
 * the function taken from a fresh context, which is where V8 installs it.
 */
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** Heap growth, in MiB, that is worth a full collection at a boundary. */
export const GROWTH_MIB = 128;

let gc: (() => void) | undefined;
let afterLast = 0;

/** Runs a full collection if the heap grew by `growthMiB` since the last one. */
export function collectIfGrown(growthMiB: number = GROWTH_MIB): void {
  const used = getHeapStatistics().used_heap_size;
  // V8's own collections count too: growth is measured from the smallest heap seen since.
  afterLast = Math.min(afterLast, used);
  if (used - afterLast < growthMiB * 1048576) return;
  collect();
}

/**
 * Two full collections whatever the heap's growth, the second to give back to
 * the system the pages the first emptied (V8 keeps them committed otherwise):
 * for when what comes next allocates outside V8's heap and could not reuse them.
 */
export function releaseGarbage(): void {
  collect();
  collect();
}

function collect(): void {
  if (!gc) {
    setFlagsFromString('--expose-gc');
    gc = runInNewContext('gc') as () => void;
  }
  gc();
  afterLast = getHeapStatistics().used_heap_size;
}
