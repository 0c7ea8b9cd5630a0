/**
 * Reading cards (src/graphql/cards.ts): a card's text is parsed once while it
 * is kept, since a stored talks page hands every request the same texts, and
 * a text that is not a card stays refused however often it comes.
 */
import { namedCardStubs } from '../../src/graphql/cards';

describe('namedCardStubs', () => {
  afterEach(() => jest.restoreAllMocks());

  it('parses a card text once, and gives the same stubs each time', () => {
    const text = JSON.stringify([
      ['company:lyft', 'Lyft'],
      ['company:nameless', null],
    ]);
    const parse = jest.spyOn(JSON, 'parse');
    const first = namedCardStubs(text);
    const again = namedCardStubs(`${text}`.slice(0));
    expect(first).toEqual([
      expect.objectContaining({ id: 'company:lyft', name: 'Lyft' }),
      expect.objectContaining({ id: 'company:nameless', name: null }),
    ]);
    expect(again).toEqual(first);
    // Stubs are the caller's own: fresh objects each time, from rows parsed once.
    expect(again![0]).not.toBe(first![0]);
    expect(parse).toHaveBeenCalledTimes(1);
  });

  it('refuses a text that is not a card, each time, parsing it once', () => {
    const parse = jest.spyOn(JSON, 'parse');
    for (const bad of ['not json', JSON.stringify([['company:x']]), JSON.stringify({ a: 1 }), '[[1, "x"]]']) {
      expect(namedCardStubs(bad)).toBeUndefined();
      expect(namedCardStubs(bad)).toBeUndefined();
    }
    expect(parse).toHaveBeenCalledTimes(4);
    expect(namedCardStubs(null)).toBeUndefined();
    expect(namedCardStubs(42)).toBeUndefined();
  });
});
