import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { ERROR_CODES } from '../src/shared/error-codes.js';

it('documents every error code in docs/errors.md, and nothing else', () => {
  const doc = readFileSync(join(import.meta.dirname, '..', 'docs', 'errors.md'), 'utf8');
  const rows = [...doc.matchAll(/^\| `([A-Z_]+)` \| (.+?) \|/gm)].map((m) => [m[1], m[2]]);
  expect(Object.fromEntries(rows)).toEqual(ERROR_CODES);
});
