/**
 * Every search text in the graph held in memory, word by word, so that
 * Query.search picks its candidates without a statement. Kuzu 0.11.3's
 * full-text search scores every posting of every query word: at 1000× the
 * typo "kuberntes", expanded to "kubernetes", scored 13,000 talks in 14 ms of
 * a 35 ms statement, against about 8 ms for the whole request at 1×.
 *
 * The candidates are what the engines' statement (search/query) gives: the
 * best `k` nodes of each kind for the expanded words, any of them matching.
 * "Best" is src/search/rank.ts's score without the phrase bonus, which needs
 * the whole text: the share of query words a node holds (exactly, as a
 * prefix or within the typo budget), its focus, and the bonus of a label that
 * is the whole query; ties go to the id that sorts first, as the final
 * ranking's do. The engines rank by their own word statistics instead (BM25,
 * Lucene), so the two paths can differ where a kind has more than k matches;
 * on the real fixtures both give the same hits (tests/search/search-index.test.ts).
 *
 * Built once per graph version in the background (src/store/built-index.ts);
 * until it is ready, search runs the statement.
 */
import type { SearchCandidate } from '../store/analyst';
import { labelOf } from '../store/kinds';
import { EXACT_LABEL_BONUS, labelKey, rounded, wordWeight } from './rank';
import { words } from './terms';

/** A searchable node: its id, search text and label (SearchHit.label). */
export type SearchDocument = SearchCandidate;

/** Ids in the order search's final ranking breaks ties (localeCompare, as a Collator compares). */
const byId = new Intl.Collator().compare;

/** FNV-1a over UTF-16 code units: equal keys, equal hashes. */
function hash(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return h | 0;
}

export class SearchIndex {
  /** Per node: when it was last reached, and where its query-word weights are, for the query running. */
  private readonly seen: Int32Array;
  private readonly slot: Int32Array;
  private query = 0;

  private constructor(
    /** Nodes in id order: a node's number is its place here. */
    private readonly docs: readonly SearchDocument[],
    /** Per node, its kind's number (one top-k per kind). */
    private readonly kinds: Uint8Array,
    private readonly kindCount: number,
    /** Per node, how many distinct words its text holds (rank.ts's focus). */
    private readonly sizes: Uint32Array,
    /** Per word, the nodes whose text holds it, ascending. */
    private readonly postings: ReadonlyMap<string, Int32Array>,
    /** Per node, a hash of its label spelled as query words: a map of the keys held 33 MiB more at 1000×. */
    private readonly labelHashes: Int32Array,
  ) {
    this.seen = new Int32Array(docs.length);
    this.slot = new Int32Array(docs.length);
  }

  static of(rows: readonly SearchDocument[]): SearchIndex {
    const docs = [...rows].sort((a, b) => byId(a.id, b.id));
    const kindNumbers = new Map<string, number>();
    const kinds = new Uint8Array(docs.length);
    const sizes = new Uint32Array(docs.length);
    const lists = new Map<string, number[]>();
    const labelHashes = new Int32Array(docs.length);
    for (const [d, doc] of docs.entries()) {
      const kind = labelOf(doc.id) ?? '';
      if (!kindNumbers.has(kind)) kindNumbers.set(kind, kindNumbers.size);
      kinds[d] = kindNumbers.get(kind)!;
      const distinct = new Set(words(doc.text));
      sizes[d] = distinct.size;
      for (const word of distinct) {
        const list = lists.get(word);
        if (list) list.push(d);
        else lists.set(word, [d]);
      }
      labelHashes[d] = hash(labelKey(doc.label));
    }
    const postings = new Map([...lists].map(([word, list]) => [word, Int32Array.from(list)]));
    return new SearchIndex(docs, kinds, kindNumbers.size, sizes, postings, labelHashes);
  }

  /**
   * The best `k` nodes of each kind holding any of `expanded` (the query
   * words and their expansions, src/search/terms.ts), for `queryWords`.
   */
  candidates(queryWords: readonly string[], expanded: readonly string[], k: number): SearchCandidate[] {
    if (queryWords.length === 0 || k <= 0) return [];
    const reached = this.reach(queryWords, expanded);
    const scores = this.proxies(queryWords, reached);
    const best = this.bestOfEachKind(reached.docs, scores, k);
    return best.map((d) => this.docs[d]!);
  }

  /**
   * The nodes holding an expanded word, and for each the weight of its best
   * word for each query word (rank.ts's 1, 0.75 or 0.5), `weights[i * q + j]`.
   */
  private reach(queryWords: readonly string[], expanded: readonly string[]) {
    const q = queryWords.length;
    // `seen` holds int32s: past the largest, start again from a cleared array.
    if (this.query === 0x7fffffff) {
      this.seen.fill(0);
      this.query = 0;
    }
    this.query += 1;
    const lists = expanded.flatMap((word) => {
      const list = this.postings.get(word);
      return list ? [{ list, weights: queryWords.map((query) => wordWeight(query, word)) }] : [];
    });
    const most = lists.reduce((sum, { list }) => sum + list.length, 0);
    const docs = new Int32Array(most);
    const weights = new Float32Array(most * q);
    let count = 0;
    for (const { list, weights: by } of lists) {
      for (let p = 0; p < list.length; p++) {
        const d = list[p]!;
        if (this.seen[d] !== this.query) {
          this.seen[d] = this.query;
          this.slot[d] = count;
          docs[count++] = d;
        }
        const at = this.slot[d]! * q;
        for (let j = 0; j < q; j++) if (by[j]! > weights[at + j]!) weights[at + j] = by[j]!;
      }
    }
    return { docs: docs.subarray(0, count), weights };
  }

  /** rank.ts's score of each reached node, but for the phrase bonus. */
  private proxies(queryWords: readonly string[], { docs, weights }: ReturnType<SearchIndex['reach']>) {
    const q = queryWords.length;
    const key = queryWords.join(' ');
    const keyHash = hash(key);
    const scores = new Float64Array(docs.length);
    for (let i = 0; i < docs.length; i++) {
      const d = docs[i]!;
      let total = 0;
      let matched = 0;
      for (let j = 0; j < q; j++) {
        const w = weights[i * q + j]!;
        total += w;
        if (w > 0) matched += 1;
      }
      const size = this.sizes[d]!;
      const focus = size > 0 ? (0.1 * matched) / size : 0;
      // A label that is the whole query holds every query word: only then is it compared.
      const exact = total === q && this.labelHashes[d] === keyHash && labelKey(this.docs[d]!.label) === key;
      scores[i] = rounded(total / q + focus + (exact ? EXACT_LABEL_BONUS : 0));
    }
    return scores;
  }

  /** The `k` best reached nodes of each kind: highest score, then first id. */
  private bestOfEachKind(docs: Int32Array, scores: Float64Array, k: number): number[] {
    const heaps = Array.from({ length: this.kindCount }, () => new WorstFirst(k, docs, scores));
    for (let i = 0; i < docs.length; i++) heaps[this.kinds[docs[i]!]!]!.offer(i);
    return heaps.flatMap((heap) => heap.members().map((i) => docs[i]!));
  }
}

/**
 * At most `k` of the reached nodes (by their place in `docs`), the worst on
 * top, so that a node no better than the worst kept costs one comparison.
 */
class WorstFirst {
  private readonly heap: number[] = [];

  constructor(
    private readonly k: number,
    private readonly docs: Int32Array,
    private readonly scores: Float64Array,
  ) {}

  /** Whether reached node `a` ranks below `b`: a lower score, or an equal one and a later id. */
  private worse(a: number, b: number): boolean {
    const sa = this.scores[a]!;
    const sb = this.scores[b]!;
    return sa < sb || (sa === sb && this.docs[a]! > this.docs[b]!);
  }

  offer(i: number): void {
    const heap = this.heap;
    if (heap.length < this.k) {
      heap.push(i);
      this.up(heap.length - 1);
    } else if (this.worse(heap[0]!, i)) {
      heap[0] = i;
      this.down(0);
    }
  }

  members(): number[] {
    return [...this.heap];
  }

  private up(at: number): void {
    const heap = this.heap;
    while (at > 0) {
      const parent = (at - 1) >> 1;
      if (!this.worse(heap[at]!, heap[parent]!)) break;
      [heap[at], heap[parent]] = [heap[parent]!, heap[at]!];
      at = parent;
    }
  }

  private down(at: number): void {
    const heap = this.heap;
    for (;;) {
      const left = 2 * at + 1;
      const right = left + 1;
      let worst = at;
      if (left < heap.length && this.worse(heap[left]!, heap[worst]!)) worst = left;
      if (right < heap.length && this.worse(heap[right]!, heap[worst]!)) worst = right;
      if (worst === at) break;
      [heap[at], heap[worst]] = [heap[worst]!, heap[at]!];
      at = worst;
    }
  }
}
