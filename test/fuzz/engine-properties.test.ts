/**
 * Properties of the compliance engine on random wallets (test/fuzz/profile-arbitrary.ts):
 * - deterministic: the same wallet and date give the same report, however often and in whatever
 *   order wallets are evaluated;
 * - monotone: one more CE activity never lowers what a credential has earned nor worsens its status;
 * - local: removing an activity changes nothing in the report of a credential that does not mention
 *   it (as counted, not counted, or a contribution).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/engine/evaluate.js';
import type { Status } from '../../src/engine/report.js';
import { checkProfileReferences } from '../../src/profile/parse-profile.js';
import { profileSchema } from '../../src/profile/profile-schema.js';
import { readCatalogDir } from '../../src/io/read-catalog-dir.js';
import { fuzzParameters, fuzzTimeout } from './fuzz-settings.js';
import { activityArb, dateArb, profileArb } from './profile-arbitrary.js';

const catalog = readCatalogDir();

/** Better is higher. Statuses outside this ladder (never-expires, not-yet-earned, not-covered, unconfirmed) do not depend on CE. */
const LADDER: Partial<Record<Status, number>> = { lapsed: 0, grace: 1, 'in-progress': 2, 'due-soon': 2, current: 3 };

describe('the compliance engine on random wallets', () => {
  it('generates wallets the profile schema and the catalog accept', () => {
    fc.assert(fc.property(profileArb(catalog), (profile) => {
      expect(profileSchema.parse(profile)).toEqual(profile);
      expect(checkProfileReferences(profile, catalog)).toEqual([]);
    }), fuzzParameters(100, 0.1));
  }, fuzzTimeout());

  it('is deterministic: the same wallet and date give the same report, also after other evaluations', () => {
    fc.assert(fc.property(profileArb(catalog), profileArb(catalog), dateArb, (profile, other, asOf) => {
      const first = evaluate(catalog, profile, asOf);
      evaluate(catalog, other, asOf);
      expect(evaluate(catalog, structuredClone(profile), asOf)).toEqual(first);
    }), fuzzParameters(150, 0.5));
  }, fuzzTimeout());

  it('is monotone: one more activity never lowers earned units nor worsens a status', () => {
    const arb = profileArb(catalog).chain((profile) => {
      const bodiesHeld = profile.credentials.map((c) => catalog.programs.get(c.program)!.body);
      return fc.tuple(fc.constant(profile), activityArb(catalog, bodiesHeld, 'added'), dateArb);
    });
    fc.assert(fc.property(arb, ([profile, added, asOf]) => {
      const before = evaluate(catalog, profile, asOf);
      const after = evaluate(catalog, { ...profile, activities: [...profile.activities, added] }, asOf);
      before.credentials.forEach((was, i) => {
        const now = after.credentials[i]!;
        expect(now.id).toBe(was.id);
        expect(now.earned, `${was.id} (${was.program}) earned`).toBeGreaterThanOrEqual(was.earned);
        const wasRank = LADDER[was.status];
        if (wasRank === undefined) expect(now.status).toBe(was.status);
        else expect(LADDER[now.status] ?? -1, `${was.id} (${was.program}) went from ${was.status} to ${now.status}`).toBeGreaterThanOrEqual(wasRank);
        if (was.missing !== null && now.missing !== null) expect(now.missing).toBeLessThanOrEqual(was.missing);
      });
    }), fuzzParameters(300));
  }, fuzzTimeout());

  it('is local: removing an activity changes nothing for a credential whose report does not mention it', () => {
    const arb = fc.tuple(profileArb(catalog), dateArb, fc.nat());
    let checked = 0;
    fc.assert(fc.property(arb, ([profile, asOf, pick]) => {
      fc.pre(profile.activities.length > 0);
      const removed = profile.activities[pick % profile.activities.length]!;
      const report = evaluate(catalog, profile, asOf);
      const without = evaluate(catalog, { ...profile, activities: profile.activities.filter((a) => a !== removed) }, asOf);
      report.credentials.forEach((credential, i) => {
        const mentions = [...credential.counted, ...credential.notCounted.map((n) => n.id), ...credential.contributions.filter((x) => x.source === 'activity').map((x) => x.id)];
        if (mentions.includes(removed.id)) return;
        checked++;
        expect(without.credentials[i]).toEqual(credential);
      });
    }), { ...fuzzParameters(300), maxSkipsPerRun: 1000 });
    // The property must have had something to check.
    expect(checked).toBeGreaterThan(0);
  }, fuzzTimeout());
});
