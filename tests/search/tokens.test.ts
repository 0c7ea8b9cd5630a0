/**
 * The index words (src/search/tokens.ts): letters only, one per word and never
 * two words to one, spelled alike at load and at query time.
 */
import { indexTokens, queryTokens, token } from '../../src/search/tokens';

/** The inverse of token(), written here from its definition: it exists only if token() is injective. */
function spelled(indexed: string): string {
  expect(indexed.startsWith('x')).toBe(true);
  let out = '';
  for (let i = 1; i < indexed.length; i++) {
    const c = indexed[i]!;
    if (c !== 'q') out += c;
    else {
      const next = indexed[++i]!;
      out += next === 'q' ? 'q' : String(next.charCodeAt(0) - 97);
    }
  }
  return out;
}

describe('token', () => {
  const tricky = [
    'q',
    'qq',
    'qa',
    'q0',
    'a0',
    'aqa',
    'qqa',
    '0',
    '00',
    'k8s',
    '2019',
    'v1',
    'the',
    'x',
    'xq',
    'q9z',
  ];

  it('spells every word in letters alone, behind an x', () => {
    for (const word of tricky) expect(token(word)).toMatch(/^x[a-z]+$/);
    expect(token('2019')).toBe('xqcqaqbqj');
    expect(token('kubernetes')).toBe('xkubernetes');
  });

  it('never gives two words one token (its inverse gives each word back)', () => {
    const seen = new Map<string, string>();
    // Every word of up to 3 characters over the characters that are escaped or not.
    const alphabet = ['a', 'q', 'x', '0', '9'];
    const all = [...alphabet];
    for (const a of alphabet) for (const b of alphabet) all.push(a + b);
    for (const a of alphabet) for (const b of alphabet) for (const c of alphabet) all.push(a + b + c);
    for (const word of [...all, ...tricky]) {
      const t = token(word);
      expect(spelled(t)).toBe(word);
      const before = seen.get(t);
      if (before !== undefined) expect(before).toBe(word);
      seen.set(t, word);
    }
    expect(seen.size).toBe(new Set([...all, ...tricky]).size);
  });

  it('spells a node’s text as its query words are spelled, each word once', () => {
    const text = 'KubeCon Europe 2019 | kubecon europe 2019 | l’entreprise | l entreprise';
    expect(indexTokens(text)).toBe(queryTokens(['kubecon', 'europe', '2019', 'l', 'entreprise']));
    // Written out, not recomputed as indexTokens computes it: each word once, in text order.
    expect(indexTokens(text).split(' ')).toEqual(['xkubecon', 'xeurope', 'xqcqaqbqj', 'xl', 'xentreprise']);
    expect(indexTokens('')).toBe('');
  });
});
