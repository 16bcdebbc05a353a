import { describe, expect, it } from 'vitest';
import { StatusAnswers } from './status-answers.js';

/** A store whose stamps the test sets, and an answer that says which stamp it was computed at. */
function setUp(limits: { maxBytes?: number; maxIdleMs?: number; maxAgeMs?: number } = {}) {
  const stamps = new Map<string, string | null>([['kim', 's1'], ['lee', 's1']]);
  let clock = 0;
  const answers = new StatusAnswers({ walletStamp: async (id) => stamps.get(id) }, { ...limits, now: () => clock });
  const ask = (person: string, question = '2026-06-01 summary') => answers.answer(person, question, async () => {
    if (!stamps.has(person)) throw new Error(`no person ${person}`);
    return Buffer.from(`${person}@${stamps.get(person)}:${question}`.padEnd(100, '.'));
  });
  return { stamps, answers, ask, advance: (ms: number) => { clock += ms; } };
}

describe('status answers kept per wallet stamp', () => {
  it('computes once per stamp and question, and again after the stamp changes', async () => {
    const { stamps, answers, ask } = setUp();
    expect((await ask('kim')).toString()).toMatch(/^kim@s1/);
    await ask('kim');
    expect(answers.computed).toBe(1);
    await ask('kim', '2026-06-01 full');
    await ask('kim', '2027-01-01 summary');
    expect(answers.computed).toBe(3);
    stamps.set('kim', 's2');
    expect((await ask('kim')).toString()).toMatch(/^kim@s2/);
    expect(answers.computed).toBe(4);
    // The answers of the old stamp are gone, not only skipped.
    expect(answers.size).toEqual({ people: 1, bytes: 100 });
  });

  it('never keeps an answer for a wallet without a stamp, and drops a person found gone', async () => {
    const { stamps, answers, ask } = setUp();
    stamps.set('lee', null);
    await ask('lee');
    await ask('lee');
    expect(answers.computed).toBe(2);
    await ask('kim');
    stamps.delete('kim');
    await expect(ask('kim')).rejects.toThrow('no person kim');
    expect(answers.size.people).toBe(0);
  });

  it('holds at most maxBytes, dropping the least recently used people first', async () => {
    const { answers, stamps, ask } = setUp({ maxBytes: 250 });
    stamps.set('max', 's1');
    await ask('kim');
    await ask('lee');
    await ask('kim');
    await ask('max');
    expect(answers.size).toEqual({ people: 2, bytes: 200 });
    const computed = answers.computed;
    await ask('kim');
    expect(answers.computed).toBe(computed);
    await ask('lee');
    expect(answers.computed).toBe(computed + 1);
  });

  it('computes an answer again once it is maxAgeMs old, even with the stamp unchanged (a write that bypassed the store)', async () => {
    const { answers, ask, advance } = setUp({ maxAgeMs: 1_000, maxIdleMs: 10_000 });
    await ask('kim');
    advance(900);
    await ask('kim');
    expect(answers.computed).toBe(1);
    advance(200);
    await ask('kim');
    expect(answers.computed).toBe(2);
  });

  it('drops the answers of people not asked for within maxIdleMs', async () => {
    const { answers, ask, advance } = setUp({ maxIdleMs: 1_000, maxAgeMs: 10_000 });
    await ask('kim');
    advance(600);
    await ask('lee');
    advance(600);
    await ask('lee');
    expect(answers.size.people).toBe(1);
    await ask('kim');
    expect(answers.computed).toBe(3);
  });
});
