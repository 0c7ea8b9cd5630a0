/**
 * Query-word expansion (src/search/terms.ts): the same words whatever order
 * the vocabulary was read in, prefixes before typos, nearest first; and the
 * folding (src/text.ts) every search text and query goes through.
 */
import { expand, words } from '../../src/search/terms';
import { fold, SPELLED_LETTERS } from '../../src/text';

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

describe('fold', () => {
  it('lowers case, strips marks and collapses spaces', () => {
    expect(fold('  Nóva\tCONTAINER  Ünïcode ')).toBe('nova container unicode');
    expect(fold('ﬁle Ⅻ')).toBe('file xii'); // compatibility forms, as NFKD gives them
  });

  it('spells out the letters Unicode does not decompose, in either case', () => {
    expect(fold('Straße STRAẞE')).toBe('strasse strasse');
    expect(fold('Cœur ŒUVRE Æsir æther')).toBe('coeur oeuvre aesir aether');
    expect(fold('Øresund Łódź Đorđe Þórr Ðó ılık Ħamrun Ŧ')).toBe(
      'oresund lodz dorde thorr do ilik hamrun t',
    );
    // Each spelled letter leaves no letter outside a–z behind, so words() keeps the word whole.
    for (const [letter, spelled] of Object.entries(SPELLED_LETTERS)) {
      expect(fold(`x${letter}y`)).toBe(`x${spelled}y`);
      expect(fold(`x${letter.toUpperCase()}y`)).toBe(`x${spelled}y`);
      expect(words(`x${letter}y`)).toEqual([`x${spelled}y`]);
    }
  });

  it('folds plain ASCII (its shortcut) exactly as the Unicode steps do', () => {
    // A trailing "é" sends the same text down the Unicode steps, and folds to a trailing "e".
    const unicodeWay = (text: string): string => fold(`${text}é`).slice(0, -1);
    const samples = ['  Nova\tCONTAINER \r\n Unicode\v\f', 'K8s & CNCF: 2019!', '\u0000\u001f\u007f'];
    for (let c = 0; c < 0x80; c++) samples.push(`a${String.fromCharCode(c)}B ${String.fromCharCode(c)}`);
    for (const text of samples) {
      const bracketed = `[${text}]`;
      expect(fold(bracketed)).toBe(unicodeWay(bracketed));
    }
    expect(fold(' Mixed\tCASE ')).toBe('mixed case');
  });
});
