/** `recert plan` prints what would make an impossible renewal possible, under its reason. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from '../cli/run-cli.js';

const temp = mkdtempSync(join(tmpdir(), 'recert-plan-remedy-'));
const seed = join(temp, 'seed.json');
writeFileSync(seed, JSON.stringify({ credentials: [{ id: 'cpt', program: 'nasm-cpt', earned: '2026-11-01' }] }));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

describe('recert plan with a budget too small for a renewal', () => {
  it('names the renewal, why, and that raising the budget would make it possible; --json carries the same remedy', async () => {
    const { out } = await cli('plan', seed, '--as-of', '2026-11-01', '--horizon-cycles', '1', '--yearly-budget', '100');
    expect(out).toMatch(/✗ NASM Certified Personal Trainer \(NASM-CPT\), cycle 1 \(2026-11-01 → 2028-11-01\) cannot be met/);
    expect(out).toContain('  To make it possible: raise the yearly budget (now $100)');
    const json = JSON.parse((await cli('plan', seed, '--as-of', '2026-11-01', '--horizon-cycles', '1', '--yearly-budget', '100', '--json')).out);
    expect(json.infeasible[0].remedy).toMatch(/^To make it possible: raise the yearly budget \(now \$100\)/);
    expect(out).toContain(json.infeasible[0].text);
  });
});
