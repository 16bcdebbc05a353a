/** `recert plan --person` (from the wallet, with the person's own offerings) and `recert offering`, on a temporary SQLite folder. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { run } from '../../src/cli/main.js';

vi.setConfig({ testTimeout: 60_000 });

let dir: string;
const data = () => join(dir, 'data');
async function recert(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run(args, { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'recert-cli-plan-'));
  expect((await recert('init', '--data-dir', data())).code).toBe(0);
  expect((await recert('credential', 'add', 'nasm-cpt', '--id', 'cpt', '--earned', '2026-11-01', '--data-dir', data())).code).toBe(0);
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('recert plan --person and recert offering', () => {
  it('plans from the wallet exactly as from the same profile in a file', async () => {
    const fromWallet = await recert('plan', '--person', 'me', '--data-dir', data(), '--as-of', '2026-11-01', '--json');
    expect(fromWallet.code, fromWallet.err).toBe(0);
    const file = join(dir, 'profile.json');
    writeFileSync(file, JSON.stringify({ credentials: [{ id: 'cpt', program: 'nasm-cpt', earned: '2026-11-01' }] }));
    const fromFile = await recert('plan', file, '--as-of', '2026-11-01', '--json');
    const strip = (text: string) => { const j = JSON.parse(text); return { ...j, stats: { ...j.stats, solverSeconds: 0 } }; };
    expect(strip(fromWallet.out)).toEqual(strip(fromFile.out));
    expect(JSON.parse(fromWallet.out).cycles).toHaveLength(2);
  });

  it('wants exactly one of a profile file and --person, and --as-of with a file', async () => {
    const neither = await recert('plan', '--as-of', '2026-11-01');
    expect(neither.code).toBe(2);
    expect(neither.err).toContain('give a profile file or --person ID');
    const both = await recert('plan', join(dir, 'profile.json'), '--person', 'me', '--data-dir', data());
    expect(both.code).toBe(2);
    expect((await recert('plan', join(dir, 'profile.json'))).err).toContain('--as-of is required with a profile file');
    const lapse = await recert('plan', '--person', 'me', '--data-dir', data(), '--let-lapse', 'ace-cpt');
    expect(lapse.code).toBe(2);
    expect(lapse.err).toMatch(/--let-lapse\[0\]: the person holds no credential "ace-cpt".*\[USAGE\]/);
    expect((await recert('plan', '--person', 'nobody', '--data-dir', data())).err).toContain('[NOT_FOUND]');
  });

  it('adds, lists and removes offerings, and the wallet plan uses them', async () => {
    const before = JSON.parse((await recert('plan', '--person', 'me', '--data-dir', data(), '--as-of', '2026-11-01', '--json')).out);
    const added = await recert('offering', 'add', '--data-dir', data(), '--title', 'Gym workshop series', '--provider', 'my-gym', '--provider-name', 'My Gym',
      '--price', '40', '--hours', '20', '--format', 'in-person', '--session', '2027-05-01', '--session', '2029-05-05', '--credit', 'nasm:2', '--repeatable');
    expect(added.code, added.err).toBe(0);
    expect(added.out).toContain('added offering "o1" (plans see it as "own:o1")');
    const list = await recert('offering', 'list', '--data-dir', data());
    expect(list.out).toContain('o1    Gym workshop series (My Gym), $40, 20 h, in-person, on 2027-05-01, 2029-05-05; 2.0 nasm');
    const after = JSON.parse((await recert('plan', '--person', 'me', '--data-dir', data(), '--as-of', '2026-11-01', '--json')).out);
    expect(after.steps.map((s: any) => s.offering.id)).toContain('own:o1');
    expect(after.totals.price).toBeLessThan(before.totals.price);
    expect(after.verification.ok).toBe(true);
    expect((await recert('offering', 'remove', 'o1', '--data-dir', data())).out).toContain('removed offering "o1"');
    expect((await recert('offering', 'list', '--data-dir', data(), '--json')).out).toBe('[]');
    expect((await recert('offering', 'remove', 'o1', '--data-dir', data())).code).toBe(2);
  });

  it('refuses a bad offering, naming the flag, and writes nothing', async () => {
    const base = ['offering', 'add', '--data-dir', data(), '--title', 'X', '--provider', 'my-gym', '--price', '10', '--hours', '1', '--format', 'online'];
    const unknownBody = await recert(...base, '--credit', 'nope:1');
    expect(unknownBody.code).toBe(2);
    expect(unknownBody.err).toContain('offering.credits[0].body: unknown body "nope"');
    const negative = await recert(...base.map((a) => (a === '10' ? '-10' : a)), '--credit', 'nasm:1');
    expect(negative.code).toBe(2);
    expect(negative.err).toContain('--price');
    const nothing = await recert(...base);
    expect(nothing.err).toContain('--credit');
    expect((await recert('offering', 'add', ...base.slice(2), '--credit', 'nasm:1', '--format', 'video')).code).toBe(2);
    expect((await recert('offering', 'list', '--data-dir', data(), '--json')).out).toBe('[]');
  });
});
