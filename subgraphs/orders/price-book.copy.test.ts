import type { PriceBook } from '../../contracts/pricing-api';
import { createLogger } from '../../platform/log';
import { PriceBookCopy } from './price-book.copy';

const book = (version: string): PriceBook => ({
  version,
  rules: [],
  automatic: [],
  zones: [],
  taxClasses: new Map(),
  pricesIncludeTax: true,
  defaultCountry: 'FR',
  customerGroups: new Map(),
});

/** A pricing that answers the books queued for it, one per read, and counts the reads. */
function setUp(maxAgeMs = 10_000) {
  const answers: Array<PriceBook | Error> = [];
  let reads = 0;
  let now = 1_000_000;
  const copy = new PriceBookCopy(
    async () => {
      reads += 1;
      const next = answers.shift();
      if (!next) throw new Error('no answer queued');
      if (next instanceof Error) throw next;
      return next;
    },
    maxAgeMs,
    createLogger('orders', 'error', () => undefined),
    () => now,
  );
  return {
    copy,
    answers,
    reads: () => reads,
    advance: (ms: number) => (now += ms),
  };
}

describe('the copy of pricing\'s rules', () => {
  it('answers nothing while cold (placement then asks pricing), and starts the read that fills it', async () => {
    const { copy, answers, reads } = setUp();
    answers.push(book('v1'));
    expect(copy.current()).toBeNull();
    expect(reads()).toBe(1);
    await copy.refresh();
    expect(copy.current()?.version).toBe('v1');
  });

  it('turns stale on a newer announced version until it has read that version', async () => {
    const { copy, answers } = setUp();
    answers.push(book('v1'));
    await copy.refresh();
    answers.push(book('v2'));
    copy.announce('v2');
    expect(copy.current()).toBeNull();
    await copy.refresh();
    expect(copy.current()?.version).toBe('v2');
  });

  it('ignores an announcement older than, or the same as, what it has seen', async () => {
    const { copy, answers, reads } = setUp();
    answers.push(book('v2'));
    await copy.refresh();
    copy.announce('v1');
    copy.announce('v2');
    expect(copy.current()?.version).toBe('v2');
    expect(reads()).toBe(1);
  });

  it('keeps the newer book when an older one arrives late (a read that raced a change)', async () => {
    const { copy, answers } = setUp();
    answers.push(book('v3'));
    await copy.refresh();
    answers.push(book('v2'));
    await copy.refresh();
    expect(copy.current()?.version).toBe('v3');
  });

  it('applies announcements in any order: the newest decides', async () => {
    const { copy, answers, reads } = setUp();
    answers.push(book('v1'));
    await copy.refresh();
    // The read v3's announcement starts finds v2 (it raced the change); v2's announcement, later, changes nothing.
    answers.push(book('v2'));
    copy.announce('v3');
    copy.announce('v2');
    await copy.refresh();
    expect(reads()).toBe(2);
    answers.push(book('v3'));
    expect(copy.current()).toBeNull();
    await copy.refresh();
    expect(copy.current()?.version).toBe('v3');
  });

  it('answers nothing once older than its maximum age, and is read again in the background past half of it', async () => {
    const { copy, answers, reads, advance } = setUp(10_000);
    answers.push(book('v1'));
    await copy.refresh();
    advance(6_000);
    answers.push(book('v1'));
    expect(copy.current()?.version).toBe('v1');
    expect(reads()).toBe(2);
    await copy.refresh();
    advance(10_001);
    answers.push(book('v1'));
    expect(copy.current()).toBeNull();
  });

  it('stays usable while pricing cannot be read, within its age, and tries again no sooner than a second later', async () => {
    const { copy, answers, reads, advance } = setUp(10_000);
    answers.push(book('v1'));
    await copy.refresh();
    advance(6_000);
    answers.push(new Error('pricing is down'));
    expect(copy.current()?.version).toBe('v1');
    await copy.refresh();
    expect(reads()).toBe(2);
    expect(copy.current()?.version).toBe('v1');
    await copy.refresh();
    expect(reads()).toBe(2);
    advance(1_000);
    answers.push(book('v1'));
    await copy.refresh();
    expect(reads()).toBe(3);
  });
});
