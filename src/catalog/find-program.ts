/** Program ids as people type them: matched without regard to case, with a "did you mean" for near misses. */
import type { Catalog } from './catalog.js';

/** The catalog's id for `text` (any case), or undefined. */
export function findProgramId(catalog: Catalog, text: string): string | undefined {
  const wanted = text.trim().toLowerCase();
  return catalog.programs.has(wanted) ? wanted : undefined;
}

/** The closest program id to an unknown `text`, when one is close enough to be a likely typo. */
export function closestProgramId(catalog: Catalog, text: string): string | undefined {
  const wanted = text.trim().toLowerCase();
  let best: { id: string; distance: number } | undefined;
  for (const id of catalog.programs.keys()) {
    const distance = wanted.length >= 3 && (id.includes(wanted) || wanted.includes(id)) ? 1 : editDistance(wanted, id);
    if (best === undefined || distance < best.distance || (distance === best.distance && id < best.id)) best = { id, distance };
  }
  if (best === undefined) return undefined;
  return best.distance <= Math.max(2, Math.floor(wanted.length / 3)) ? best.id : undefined;
}

/** "unknown program "x"; did you mean nasm-cpt? run `recert programs` for the list" */
export function unknownProgramMessage(catalog: Catalog, text: string): string {
  const suggestion = closestProgramId(catalog, text);
  return `unknown program "${text}"; ${suggestion === undefined ? '' : `did you mean ${suggestion}? `}run \`recert programs\` for the list`;
}

/** Levenshtein distance (insert, delete, substitute). */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}
