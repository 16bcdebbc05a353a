/**
 * One running test app per test (`each`) or per suite (`all`), started and closed by vitest's hooks in the
 * calling describe block. The returned object stands for whichever app is running now.
 */
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';

export function useApp<T extends { close(): Promise<void> }>(scope: 'each' | 'all', start: () => Promise<T>): T {
  let current: T | undefined;
  (scope === 'each' ? beforeEach : beforeAll)(async () => {
    current = await start();
  });
  (scope === 'each' ? afterEach : afterAll)(async () => {
    await current?.close();
    current = undefined;
  });
  return new Proxy({} as T, {
    get(_, key) {
      if (current === undefined) throw new Error('the test app is not running (used outside a test?)');
      const value = Reflect.get(current, key, current) as unknown;
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(current) : value;
    },
  });
}
