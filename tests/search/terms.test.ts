/**
 * Query-word expansion (src/search/terms.ts): the same words whatever order
 * the vocabulary was read in, prefixes before typos, nearest first.
 */
import { expand, words } from '../../src/search/terms';

describe('expand', () => {
  const vocabulary = [
    'contributions',
    'conference',
    'containers',
    'con',
    'cone',
    'contour',
    'cosn',
    'conduit',
    'consul',
    'control',
    'conformance',
    'connect',
    'console',
    'context',
    'convoy',
    'cool',
  ];

  it('gives the same words in the same order for any vocabulary order', () => {
    const forward = expand(['con'], new Set(vocabulary));
    const backward = expand(['con'], new Set([...vocabulary].reverse()));
    expect(backward).toEqual(forward);
    // Itself, then every word it starts (14 here, under the cap), shortest first; no typo for 3 letters.
    expect(forward[0]).toBe('con');
    expect(forward.slice(1)).toEqual([
      'cone',
      'consul',
      'convoy',
      'conduit',
      'connect',
      'console',
      'context',
      'contour',
      'control',
      'conference',
      'containers',
      'conformance',
      'contributions',
    ]);
  });

  it('keeps prefixes before typos, and at most 20 of them', () => {
    const many = new Set(
      Array.from({ length: 30 }, (_, i) => `envoy${String.fromCharCode(97 + (i % 26))}${i}`),
    );
    many.add('envoi');
    const out = expand(['envoy'], many);
    expect(out).toHaveLength(21);
    expect(out).not.toContain('envoi'); // a typo, after 20 prefixes
    expect(expand(['envoy'], new Set(['envoi', 'envoyx']))).toEqual(['envoy', 'envoyx', 'envoi']);
  });
});

describe('words', () => {
  it('splits on every character that is not a folded letter or digit', () => {
    expect(words("Software’s Community: l'Entreprise, dagger.io v1.0")).toEqual([
      'software',
      's',
      'community',
      'l',
      'entreprise',
      'dagger',
      'io',
      'v1',
      '0',
    ]);
  });
});
