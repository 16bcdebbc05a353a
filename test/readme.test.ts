import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { README, withProgramsSection } from '../scripts/update-readme.js';

it('the README programs table matches the catalog (run `npm run readme:programs` after a catalog change)', () => {
  const readme = readFileSync(README, 'utf8');
  expect(readme).toBe(withProgramsSection(readme));
});
