/**
 * Imports flow one way: shared ← catalog ← profile ← engine ← planner. The domain knows nothing of
 * files, the network, SQL, HTTP or the clock; store knows domain types only; cli and api assemble.
 */
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const src = join(import.meta.dirname, '..', 'src');

function files(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') && !path.endsWith('.test.ts') ? [path] : [];
  });
}

function importsOf(path: string): string[] {
  return [...readFileSync(path, 'utf8').matchAll(/^\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]/gm)].map((m) => m[1]!);
}

const layers: Record<string, string[]> = {
  shared: ['shared'],
  catalog: ['shared', 'catalog'],
  profile: ['shared', 'catalog', 'profile'],
  engine: ['shared', 'catalog', 'profile', 'engine'],
  planner: ['shared', 'catalog', 'profile', 'engine', 'planner'],
};
const impure = /^(node:|fs$|path$|better-sqlite3|pg$|kysely|fastify|@fastify\/|commander|picocolors)/;

describe('architecture', () => {
  for (const [layer, allowed] of Object.entries(layers)) {
    it(`${layer} imports only ${allowed.join(', ')} and no I/O library`, () => {
      for (const file of files(join(src, layer))) {
        for (const spec of importsOf(file)) {
          const where = relative(src, file);
          expect(impure.test(spec), `${where} imports ${spec}`).toBe(false);
          if (!spec.startsWith('.')) continue;
          const target = relative(src, join(file, '..', spec)).split('/')[0]!;
          expect(allowed, `${where} imports ${spec}`).toContain(target);
        }
      }
    });
  }

  it('never reads the clock inside the domain', () => {
    for (const layer of Object.keys(layers)) {
      for (const file of files(join(src, layer))) {
        const text = readFileSync(file, 'utf8');
        expect(/new Date\(|Date\.now\(|Temporal\.Now/.test(text), relative(src, file)).toBe(false);
      }
    }
  });
});
