/**
 * cardMaker (src/load/plan/cards.ts) on its own: a card holds the rows the batch
 * statements give, in the loaders' order, and a talk with more rows than a card
 * may hold gets NO_CARD instead of a string the size of its speakers times their
 * affiliations.
 */
import { cardMaker, MAX_CARD_ROWS, NO_CARD } from '../../src/load/plan/cards';
import type { PlanRow } from '../../src/load/plan';

const inputs = (rows: Record<string, PlanRow[]>) => (query: string) => rows[query] ?? [];

describe('cardMaker', () => {
  it('gives each speaker once per affiliation, sorted as the loaders read them, and the projects by name', () => {
    const cardOf = cardMaker(
      inputs({
        'load/person': [
          { id: 'person:b', name: 'bob' },
          { id: 'person:a', name: 'Alice' },
        ],
        'load/company': [
          { id: 'company:x', name: 'X' },
          { id: 'company:y', name: 'Y' },
        ],
        'load/project': [
          { id: 'project:k', name: 'kube' },
          { id: 'project:e', name: 'Envoy' },
        ],
        'load/person-presented': [
          { from: 'person:b', to: 'talk:t', role: 'SPEAKER' },
          { from: 'person:a', to: 'talk:t', role: 'SPEAKER' },
        ],
        'load/affiliated-with': [
          { from: 'person:a', to: 'company:y', editionId: 'edition:2' },
          { from: 'person:a', to: 'company:x', editionId: 'edition:1' },
        ],
        'load/talk-mentions-project': [
          { from: 'talk:t', to: 'project:k' },
          { from: 'talk:t', to: 'project:e' },
        ],
        // Credited twice (two fixture entries): listed once, as the statement's DISTINCT gives it.
        'load/company-presented': [
          { from: 'company:y', to: 'talk:t' },
          { from: 'company:x', to: 'talk:t' },
          { from: 'company:y', to: 'talk:t' },
          { from: 'company:x', to: 'talk:other' },
        ],
      }),
    );
    const card = cardOf('talk:t');
    expect(JSON.parse(card.participantRows)).toEqual([
      ['person:a', 'Alice', 'SPEAKER', 'edition:1', 'company:x', 'X'],
      ['person:a', 'Alice', 'SPEAKER', 'edition:2', 'company:y', 'Y'],
      ['person:b', 'bob', 'SPEAKER', null, null, null],
    ]);
    expect(JSON.parse(card.projectRows)).toEqual([
      ['project:e', 'Envoy'],
      ['project:k', 'kube'],
    ]);
    expect(JSON.parse(card.companyRows)).toEqual([
      ['company:x', 'X'],
      ['company:y', 'Y'],
    ]);
    expect(JSON.parse(cardOf('talk:other').companyRows)).toEqual([['company:x', 'X']]);
    // A talk no row names: a card with no one and nothing, not a missing one.
    expect(cardOf('talk:none')).toEqual({
      id: 'talk:none',
      participantRows: '[]',
      projectRows: '[]',
      companyRows: '[]',
    });
  });

  it('gives NO_CARD to a talk with more rows than a card holds, and builds none of them', () => {
    // One speaker with MAX_CARD_ROWS + 1 affiliations on two talks; fifty speakers with none on a third.
    const affiliations = Array.from({ length: MAX_CARD_ROWS + 1 }, (_, i) => ({
      from: 'person:busy',
      to: 'company:x',
      editionId: `edition:${i}`,
    }));
    const stringify = jest.spyOn(JSON, 'stringify');
    const cardOf = cardMaker(
      inputs({
        'load/person': [{ id: 'person:busy', name: 'Busy' }],
        'load/company': [{ id: 'company:x', name: 'X' }],
        'load/affiliated-with': affiliations,
        'load/person-presented': [
          { from: 'person:busy', to: 'talk:a', role: 'SPEAKER' },
          { from: 'person:busy', to: 'talk:b', role: 'PANELIST' },
          ...Array.from({ length: 50 }, (_, i) => ({ from: `person:${i}`, to: 'talk:c', role: 'SPEAKER' })),
        ],
      }),
    );
    expect(cardOf('talk:a').participantRows).toBe(NO_CARD);
    expect(cardOf('talk:b').participantRows).toBe(NO_CARD);
    expect(stringify.mock.calls.filter(([value]) => Array.isArray(value) && value.length > 50)).toEqual([]);
    stringify.mockRestore();
    expect(JSON.parse(cardOf('talk:c').participantRows)).toHaveLength(50);
    // NO_CARD is JSON but never a card's array, and not null, so a start does not take it for a missing card.
    expect(JSON.parse(NO_CARD)).toBeNull();
  });
});
