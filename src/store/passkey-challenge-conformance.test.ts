import { describe, expect, it } from 'vitest';
import { describeEachStore } from './testing/store-backends.js';

await describeEachStore('store: passkey challenges kept in the database', { describe, it }, (backend) => {
  it('gives a challenge back once, only for its purpose and account, and not after it expires', async () => {
    const store = await backend.open();
    try {
      const sam = await store.accounts.createAccount('sam@example.com', 'Sam', 'test');
      const now = new Date('2026-11-25T10:00:00Z');
      const later = new Date('2026-11-25T10:05:00Z');
      await store.accounts.addPasskeyChallenge('c-register', 'register', sam.id, later);
      expect(await store.accounts.takePasskeyChallenge('c-register', 'sign-in', null, now)).toBe(false);
      // A wrong presentation uses the challenge up too: it is never accepted afterwards.
      expect(await store.accounts.takePasskeyChallenge('c-register', 'register', sam.id, now)).toBe(false);

      await store.accounts.addPasskeyChallenge('c-sign-in', 'sign-in', null, later);
      expect(await store.accounts.takePasskeyChallenge('c-sign-in', 'sign-in', null, now)).toBe(true);
      expect(await store.accounts.takePasskeyChallenge('c-sign-in', 'sign-in', null, now)).toBe(false);

      await store.accounts.addPasskeyChallenge('c-old', 'sign-in', null, later);
      expect(await store.accounts.takePasskeyChallenge('c-old', 'sign-in', null, new Date('2026-11-25T10:06:00Z'))).toBe(false);
      expect(await store.accounts.takePasskeyChallenge('never-issued', 'sign-in', null, now)).toBe(false);
    } finally {
      await store.close();
    }
  });

  it('lets exactly one of several simultaneous verifications take a challenge, as two server processes would', async () => {
    const first = await backend.openReopenable();
    const second = await first.reopen();
    try {
      const now = new Date('2026-11-25T10:00:00Z');
      await first.store.accounts.addPasskeyChallenge('c-race', 'sign-in', null, new Date('2026-11-25T10:05:00Z'));
      const takes = await Promise.all(Array.from({ length: 6 }, (_, i) => (i % 2 === 0 ? first.store : second).accounts.takePasskeyChallenge('c-race', 'sign-in', null, now)));
      expect(takes.filter(Boolean)).toHaveLength(1);
    } finally {
      await second.close();
      await first.store.close();
      await first.dispose();
    }
  });
});
