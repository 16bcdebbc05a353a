import type { Warning } from '../shared/warning-codes.js';
import type { Io } from './io.js';

/** Saved, but flagged: one line per warning on stderr, `warning: <path>: <message> [CODE]` (docs/errors.md). */
export function printWarnings(io: Io, warnings: readonly Warning[]): void {
  for (const w of warnings) io.err(`warning: ${w.path.replace(/^body\./, '')}: ${w.message} [${w.code}]`);
}
