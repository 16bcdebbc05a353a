import { describe, expect, it } from 'vitest';
import { describeEachStore } from './testing/store-backends.js';

await describeEachStore('store: loading many wallets at once', { describe, it }, (backend) => {
  it('gives each person the same wallet, in the same order, as loading it alone', async () => {
    const store = await backend.open();
    try {
      for (const id of ['ana', 'bo', 'cy']) await store.createPerson({ id, name: id }, 'test');
      await store.importProfile('ana', {
        credentials: [{ id: 'cpt', program: 'nasm-cpt', earned: '2025-01-15' as never }, { id: 'cpr', program: 'cpr-aed', earned: '2024-03-01' as never }],
        renewals: [{ credential: 'cpt', date: '2027-01-10' as never }],
        activities: [
          { id: 'a2', title: 'Later', completed: '2025-05-01' as never, credits: [{ body: 'nasm', units: 0.2 }, { body: 'ace', units: 0.3, category: 'ethics' }] },
          { id: 'a1', title: 'Earlier', completed: '2025-02-01' as never, hours: 2, credits: [{ body: 'nasm', units: 0.1 }] },
        ],
      }, { mode: 'merge', actor: 'test', check: () => [] });
      await store.addCredential('bo', { program: 'ace-cpt', earned: '2024-01-01' as never }, 'test');
      const many = await store.loadProfiles(['ana', 'bo', 'cy']);
      for (const id of ['ana', 'bo', 'cy']) expect(many.get(id), id).toEqual(await store.loadProfile(id));
      expect(many.get('ana')!.activities.map((a) => a.id)).toEqual(['a1', 'a2']);
      expect((await store.loadProfiles([])).size).toBe(0);
    } finally {
      await store.close();
    }
  });
});
