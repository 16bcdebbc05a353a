/** `recert plan` on the command line. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../cli/run-cli.js';

const temp = mkdtempSync(join(tmpdir(), 'recert-plan-'));
const seed = join(temp, 'seed.json');
writeFileSync(seed, JSON.stringify({ credentials: [{ id: 'cpt', program: 'nasm-cpt', earned: '2026-11-01' }] }));

describe('recert plan', () => {
  it('prints a schedule by cycle, the total, the greedy comparison and the engine check', async () => {
    const { code, out } = await cli('plan', seed, '--as-of', '2026-11-01');
    expect(code).toBe(0);
    expect(out).toContain('NASM Certified Personal Trainer (NASM-CPT), cycle 1 (2026-11-01 → 2028-11-01; renew by 2028-11-01)');
    expect(out).toContain('cycle 2 (2028-11-02 → 2030-11-01');
    expect(out).toMatch(/Take "NASM Corrective Exercise Specialist \(CES\) course and exam" \(\$399, 30 h, online\)/);
    expect(out).toMatch(/Total: \$\d+ and \d+ h: the lowest total price possible with this catalog \(proven optimal\)\./);
    expect(out).toContain('Taking the cheapest course per unit');
    expect(out).toContain('Checked with the compliance engine: every planned renewal is current on its deadline.');
  });

  it('prints the plan as JSON with --json, with its explanation and the engine check', async () => {
    const { code, out } = await cli('plan', seed, '--as-of', '2026-11-01', '--horizon-years', '2', '--json');
    expect(code).toBe(0);
    const plan = JSON.parse(out) as { status: string; cycles: unknown[]; steps: { offering: { id: string } }[]; verification: { ok: boolean }; explanation: string[]; greedy: { totals: { price: number } } };
    expect(plan.status).toBe('optimal');
    expect(plan.cycles).toHaveLength(1);
    expect(plan.verification.ok).toBe(true);
    expect(plan.explanation.length).toBeGreaterThan(3);
    expect(plan.greedy.totals.price).toBeGreaterThan(0);
  });

  it('plans by hours on request and rejects a bad option value', async () => {
    expect((await cli('plan', seed, '--as-of', '2026-11-01', '--minimize', 'hours', '--horizon-cycles', '1')).code).toBe(0);
    const bad = await cli('plan', seed, '--as-of', '2026-11-01', '--minimize', 'fun');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('Allowed choices are price, hours');
  });

  it('reports a missing course folder as a file error', async () => {
    const { code, err } = await cli('plan', seed, '--as-of', '2026-11-01', '--catalog', join(temp, 'nowhere'));
    expect(code).toBe(2);
    expect(err).toContain('course catalog folder not found [FILE_NOT_FOUND]');
  });

  it('reads valid files by the fast path and still reports a bad course file or profile with file, line and column', async () => {
    const courses = join(temp, 'bad-courses');
    mkdirSync(courses);
    writeFileSync(join(courses, 'p.yaml'), 'schemaVersion: 1\nprovider: { id: p, name: P }\nsampleData: true\nofferings:\n  - id: c1\n    title: A course\n    price: 10\n    hours: 1\n    format: online\n    availability: { kind: self-paced }\n    credits:\n      - { body: nope, units: 1 }\n');
    const course = await cli('plan', seed, '--as-of', '2026-11-01', '--catalog', courses);
    expect(course.code).toBe(2);
    expect(course.err).toMatch(/p\.yaml:12:17: offerings\[0\]\.credits\[0\]\.body: unknown body "nope".* \[CATALOG_REFERENCE\]/);
    const profile = join(temp, 'unknown-program.json');
    writeFileSync(profile, '{\n  "credentials": [\n    {"id": "x", "program": "no-such-program", "earned": "2025-01-01"}\n  ]\n}\n');
    const person = await cli('plan', profile, '--as-of', '2026-11-01');
    expect(person.code).toBe(2);
    expect(person.err).toMatch(/unknown-program\.json:3:28: credentials\[0\]\.program: unknown program "no-such-program".* \[PROFILE_REFERENCE\]/);
  });
});
