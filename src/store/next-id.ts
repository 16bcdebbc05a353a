/** Ids for entries added without one: the base itself when free, else base-2, base-3, ... */
export function nextId(base: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) if (!used.has(`${base}-${n}`)) return `${base}-${n}`;
}

/** Activity ids a1, a2, ... : the first free number above the count. */
export function nextActivityId(taken: Iterable<string>): string {
  const used = new Set(taken);
  for (let n = used.size + 1; ; n++) if (!used.has(`a${n}`)) return `a${n}`;
}
