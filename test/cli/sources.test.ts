import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main.js';
import type { FetchText } from '../../src/io/verify-sources.js';

async function cli(argv: string[], fetchText?: FetchText): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run(argv, { out: (s) => out.push(s), err: (s) => err.push(s) }, fetchText === undefined ? {} : { fetchText });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** A body page that still says what the catalog quotes (with markup, entities and curly quotes), one that changed, one gone. */
const PAGES: Record<string, string> = {
  '/unchanged': '<html><head><script>var x = "noise";</script></head><body><p>Renew every two (2)\n years.</p><p>A late fee of&nbsp;$30 is charged for applications received up to 90&nbsp;days post expiration.</p><p>Earn 2.0 CEUs &ndash; that&rsquo;s 20 hours.</p></body></html>',
  '/changed': '<html><body><p>A late fee of $45 is charged for applications received up to 60 days post expiration.</p></body></html>',
};

let server: Server;
let origin: string;
let catalogDir: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    const page = PAGES[req.url ?? ''];
    if (page === undefined) { res.writeHead(404).end('not found'); return; }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  catalogDir = mkdtempSync(join(tmpdir(), 'recert-sources-'));
  const src = (path: string, verified: string): string => `{ title: Test page ${path}, url: "${origin}${path}", verified: "${verified}" }`;
  writeFileSync(join(catalogDir, 'test.yaml'), `schemaVersion: 1
body: { id: testbody, name: Test body }
programs:
  - id: test-cpt
    name: Test CPT
    kind: certification
    rules:
      - from: "2020-01-01"
        fromBasis: test
        unit:
          name: CEU
          hoursPerUnit: { value: 10, confidence: own, source: ${src('/unchanged', '2026-01-10')}, quote: "Earn 2.0 CEUs – that's 20 hours" }
        validity:
          kind: months
          months: { value: 24, confidence: own, source: ${src('/unchanged', '2026-01-10')}, quote: "Renew every two (2) years." }
          expiresOn: { value: anniversary, confidence: unconfirmed, note: recert assumes the anniversary. }
        renewal:
          method: continuing-education
          extendsFrom: { value: old-expiry, confidence: unconfirmed, note: recert assumes the old expiry. }
        requirements:
          totalUnits: { value: 2.0, confidence: own, source: ${src('/gone', '2024-06-01')} }
        fees:
          - id: late
            label: Late fee
            kind: late
            usd: { value: 30, confidence: own, source: ${src('/changed', '2025-12-01')}, quote: "A late fee of $30 is charged for applications received up to 90 days post expiration." }
          - id: late-again
            label: The same fee quoted from the unchanged page
            kind: late
            usd: { value: 30, confidence: own, source: ${src('/unchanged', '2026-01-10')}, quote: "A late fee of $30 is charged … 90 days post expiration." }
`);
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('recert sources', () => {
  it('lists each page with the values that rest on it and the date it was last read', async () => {
    const { code, out } = await cli(['sources', '--catalog-dir', catalogDir]);
    expect(code).toBe(0);
    expect(out).toContain(`${origin}/unchanged  verified 2026-01-10`);
    expect(out).toContain('test-cpt (from 2020-01-01) validity.months = 24 [own] (quoted)');
    expect(out).toContain('test-cpt (from 2020-01-01) fees[late].usd = 30 [own] (quoted)');
    expect(out).toContain(`${origin}/gone  verified 2024-06-01`);
    expect(out).toContain('3 pages');
  });

  it('lists only the pages read more than --months months ago with --stale, and exits 3', async () => {
    const { code, out } = await cli(['sources', '--catalog-dir', catalogDir, '--stale', '--months', '12', '--as-of', '2026-06-01']);
    expect(code).toBe(3);
    expect(out).toContain(`${origin}/gone`);
    expect(out).not.toContain(`${origin}/unchanged`);
    expect(out).not.toContain(`${origin}/changed`);
    expect(out).toContain('1 of 3 pages last read more than 12 months before 2026-06-01');
    const fresh = await cli(['sources', '--catalog-dir', catalogDir, '--stale', '--months', '36', '--as-of', '2026-06-01']);
    expect(fresh.code).toBe(0);
  });

  it('fetches each page with --verify and reports the quotes no longer found, with the values that use them', async () => {
    const { code, out } = await cli(['sources', '--catalog-dir', catalogDir, '--verify']);
    expect(code).toBe(3);
    expect(out).toContain(`ok          ${origin}/unchanged (3 quotes found)`);
    expect(out).toContain(`CHANGED     ${origin}/changed`);
    expect(out).toContain('quote no longer found: "A late fee of $30 is charged for applications received up to 90 days post expiration."');
    expect(out).toContain('used by test-cpt (from 2020-01-01) fees[late].usd = 30 [own]');
    expect(out).toMatch(new RegExp(`unreachable ${origin.replace(/[.]/g, '\\.')}/gone: HTTP 404`));
    expect(out).toContain('3 pages: 1 ok, 1 changed, 1 unreachable, 0 without quotes');
  });

  it('uses the fetch it is given, so pages can be served from elsewhere', async () => {
    const seen: string[] = [];
    const everythingSaysIt: FetchText = async (url) => {
      seen.push(url);
      return Object.values(PAGES).join(' ') + ' A late fee of $30 is charged for applications received up to 90 days post expiration.';
    };
    const { code, out } = await cli(['sources', '--catalog-dir', catalogDir, '--verify', '--json'], everythingSaysIt);
    expect(code).toBe(0);
    expect(seen.sort()).toEqual([`${origin}/changed`, `${origin}/gone`, `${origin}/unchanged`]);
    const checks = JSON.parse(out) as { url: string; status: string }[];
    expect(checks.map((c) => c.status)).toEqual(['ok', 'no-quotes', 'ok']);
  });
});
