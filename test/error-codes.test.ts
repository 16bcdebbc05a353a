import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { ERROR_CODES } from '../src/shared/error-codes.js';
import { WARNING_CODES } from '../src/shared/warning-codes.js';

const doc = readFileSync(join(import.meta.dirname, '..', 'docs', 'errors.md'), 'utf8');
const [errorPart = '', warningPart = ''] = doc.split(/^## Warning codes$/m);
const rows = (text: string) => Object.fromEntries([...text.matchAll(/^\| `([A-Z_]+)` \| (.+?) \|/gm)].map((m) => [m[1], m[2]]));

it('documents every error code in docs/errors.md, and nothing else', () => {
  expect(rows(errorPart)).toEqual(ERROR_CODES);
});

it('documents every warning code under "Warning codes" in docs/errors.md, and nothing else', () => {
  expect(rows(warningPart)).toEqual(WARNING_CODES);
  expect(Object.keys(WARNING_CODES).filter((code) => code in ERROR_CODES)).toEqual([]);
});
