/**
 * Debian's Chromium for the end-to-end tests (never a browser download). When it is missing the
 * tests fail under CI (which installs it) and are skipped elsewhere, with the reason.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser } from 'playwright-core';
import { describe } from 'vitest';

const CANDIDATES = [process.env.RECERT_CHROMIUM, '/usr/lib/chromium/chromium', '/usr/bin/chromium'];

export const chromiumPath = CANDIDATES.find((path): path is string => path !== undefined && path !== '' && existsSync(path));

export const missingChromium = chromiumPath === undefined
  ? 'Chromium not found at /usr/lib/chromium/chromium or /usr/bin/chromium (install it with `apt-get install -y chromium`, or set RECERT_CHROMIUM)'
  : null;

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath!,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** Compiles web/ into dist/web so the test drives the current sources, not a stale build. */
export function buildWebApp(): void {
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  execFileSync(process.execPath, [tsc, '-p', 'web/tsconfig.json'], { stdio: 'inherit' });
}

/**
 * A suite that needs Chromium: skipped off CI when it is missing, with the reason in its name (the
 * run's last line lists it, test/skipped-suites-reporter.ts); under CI it runs, and its setup fails.
 */
export function describeInChromium(name: string, body: () => void): void {
  if (missingChromium !== null && !process.env.CI) {
    process.stderr.write(`recert tests: skipping ${name}: ${missingChromium}\n`);
    // Skipped with its reason only off CI: a developer's machine may have no Chromium (CI installs it).
    describe.skip(`${name} skipped: ${missingChromium}`, body); // skipped without Chromium: the reason is in the suite name
  } else {
    describe(name, body);
  }
}
