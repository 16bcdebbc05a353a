/**
 * Writes that two clients send at once, on every backend: parallel replace imports never merge,
 * parallel adds without an id all get their own id, and racing imports of the same id answer 4xx,
 * never 500. (PostgreSQL used to merge, collide and answer 500 here; SQLite serialises anyway.)
 */
import { describe, expect, it } from 'vitest';
import { describeEachStore } from '../../src/store/testing/store-backends.js';
import { startTestApp } from './start-test-app.js';
import { useApp } from './use-app.js';

const PROGRAMS = ['nasm-cpt', 'ace-cpt', 'cpr-aed', 'acsm-cpt', 'nsca-cpt', 'issa-cpt'];

function wallet(index: number) {
  const program = PROGRAMS[index % PROGRAMS.length]!;
  return {
    credentials: [{ id: `c${index}`, program, earned: '2025-01-15' }],
    renewals: [{ credential: `c${index}`, date: '2027-01-10' }],
    activities: [{ id: `a${index}`, title: `Course ${index}`, completed: '2025-03-01', credits: [{ body: 'nasm', units: 1 }] }],
  };
}

await describeEachStore('HTTP writes at once', { describe, it }, (backend) => {
  const app = useApp('each', () => startTestApp(backend));

  it('parallel replace imports leave the wallet equal to one of the files, never a mix', async () => {
    for (let round = 0; round < 3; round++) {
      const files = PROGRAMS.map((_, i) => wallet(i));
      const answers = await Promise.all(files.map((file) => app.call('POST', '/api/people/me/import?mode=replace', file)));
      expect(answers.map((a) => a.status)).toEqual(files.map(() => 200));
      const profile = (await app.call('GET', '/api/people/me/profile')).body;
      expect(files).toContainEqual(profile);
    }
  });

  it('parallel adds without an id all succeed, each with its own id', async () => {
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) =>
      app.call('POST', '/api/people/me/activities', { title: `Course ${i}`, completed: '2026-03-01', credits: [{ body: 'nasm', units: 0.1 }] }, { 'x-recert-actor': 'web' })));
    expect(answers.map((a) => a.status)).toEqual(answers.map(() => 201));
    const ids = answers.map((a) => a.body.id as string);
    expect(new Set(ids).size).toBe(20);
    expect(((await app.call('GET', '/api/people/me/activities')).body as Array<{ id: string }>).map((a) => a.id).sort()).toEqual([...ids].sort());
  });

  it('status read while activities are added at once always counts a whole number of adds, and all of them once the adds are answered', async () => {
    await app.call('POST', '/api/people/me/credentials', { id: 'ace', program: 'ace-cpt', earned: '2025-01-15' });
    const earned = async (): Promise<number> => (await app.call('GET', '/api/people/me/status?asOf=2026-06-01')).body.credentials[0].earned;
    expect(await earned()).toBe(0);
    const reads: Promise<number>[] = [];
    const adds = Array.from({ length: 20 }, (_, i) => {
      reads.push(earned());
      return app.call('POST', '/api/people/me/activities', { title: `Course ${i}`, completed: '2026-03-01', credits: [{ body: 'ace', units: 0.1 }] });
    });
    expect((await Promise.all(adds)).map((a) => a.status)).toEqual(adds.map(() => 201));
    for (const seen of await Promise.all(reads)) expect(Math.round(seen * 10) / 10).toBeCloseTo(seen, 10);
    expect(await earned()).toBeCloseTo(2, 10);
  });

  it('parallel credential adds without an id get program-based ids of their own', async () => {
    const answers = await Promise.all(Array.from({ length: 10 }, () => app.call('POST', '/api/people/me/credentials', { program: 'nasm-cpt', earned: '2025-01-15' })));
    expect(answers.map((a) => a.status)).toEqual(answers.map(() => 201));
    expect(answers.map((a) => a.body.id).sort()).toEqual(['nasm-cpt', ...Array.from({ length: 9 }, (_, i) => `nasm-cpt-${i + 2}`)].sort());
  });

  it('parallel merge imports of the same credential id: one wins, the others are refused as conflicts, none fails', async () => {
    const file = { credentials: [{ id: 'same', program: 'nasm-cpt', earned: '2025-01-15' }] };
    const answers = await Promise.all(Array.from({ length: 8 }, () => app.call('POST', '/api/people/me/import?mode=merge', file)));
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    for (const answer of answers.filter((a) => a.status !== 200)) {
      expect([400, 409]).toContain(answer.status);
      expect(['PROFILE_REFERENCE', 'ALREADY_EXISTS']).toContain(answer.body.code);
    }
    expect((await app.call('GET', '/api/people/me/credentials')).body).toHaveLength(1);
  });

  it('parallel adds with the same id: one 201, the rest 409 ALREADY_EXISTS', async () => {
    const answers = await Promise.all(Array.from({ length: 10 }, () => app.call('POST', '/api/people/me/activities', { id: 'x', title: 'X', completed: '2026-03-01' })));
    expect(answers.filter((a) => a.status === 201)).toHaveLength(1);
    for (const answer of answers.filter((a) => a.status !== 201)) expect(answer).toMatchObject({ status: 409, body: { code: 'ALREADY_EXISTS' } });
  });
});
