/** The calendar feed over HTTP on both engines, read back by an independent parser (ical.js). */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { calendarDate } from '../../src/shared/calendar-date.js';
import type { PlannedItemInput } from '../../src/store/store.js';
import { describeEachStore } from '../../src/store/testing/store-backends.js';
import { parseFeed } from '../calendar/parse-feed.js';
import { startTestApp, type TestApp } from './start-test-app.js';

await describeEachStore('HTTP calendar feed', { describe, it }, (backend) => {
  let app: TestApp;
  const feed = async (path: string) => {
    const response = await fetch(`${app.base}${path}`);
    return { status: response.status, type: response.headers.get('content-type'), text: await response.text() };
  };
  beforeEach(async () => {
    app = await startTestApp(backend);
    await app.call('POST', '/api/people/me/credentials', { id: 'cpt', program: 'nasm-cpt', earned: '2025-03-01' });
    await app.call('POST', '/api/people/me/credentials', { id: 'cpr', program: 'cpr-aed', earned: '2025-01-10' });
  });
  afterEach(async () => {
    await app.close();
  });

  it('issues a token and serves valid iCalendar: all-day deadline, grace end and card expiry, each with alarms at 90, 30 and 7 days', async () => {
    expect((await app.call('GET', '/api/people/me/calendar-feed')).body).toEqual({ enabled: false, token: null, path: null, createdAt: null });
    const issued = await app.call('POST', '/api/people/me/calendar-feed');
    expect(issued.status).toBe(200);
    expect(issued.body).toMatchObject({ enabled: true, token: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/) });
    expect(issued.body.path).toBe(`/ical/${issued.body.token}.ics`);

    const response = await feed(issued.body.path);
    expect(response.status).toBe(200);
    expect(response.type).toBe('text/calendar; charset=utf-8');
    expect(response.text).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(response.text).toContain('DTSTART;VALUE=DATE:20270301');
    const events = parseFeed(response.text);
    const byUid = new Map(events.map((e) => [e.uid, e]));
    const deadline = byUid.get('me/cpt/renewal-deadline/cycle-1@recert')!;
    expect(deadline).toMatchObject({ summary: 'Renew NASM Certified Personal Trainer (NASM-CPT) (cpt)', start: '2027-03-01', startIsDate: true, end: '2027-03-02' });
    expect(deadline.description).toContain('1.9 CEU still missing as of 2026-06-01');
    expect(deadline.triggers).toEqual(['-P90D', '-P30D', '-P7D']);
    const grace = byUid.get('me/cpt/grace-ends/cycle-1@recert')!;
    expect(grace).toMatchObject({ startIsDate: true, summary: expect.stringContaining('Grace period ends') });
    expect(grace.start > deadline.start).toBe(true);
    expect(grace.triggers).toEqual(['-P90D', '-P30D', '-P7D']);
    const card = events.find((e) => e.uid.startsWith('me/cpr/card-expires/'))!;
    expect(card).toMatchObject({ startIsDate: true, summary: expect.stringMatching(/card expires \(cpr\)$/) });
    expect(card.triggers).toEqual(['-P90D', '-P30D', '-P7D']);
    expect(events.every((e) => e.startIsDate)).toBe(true);
  });

  it('keeps the same UIDs when the feed is fetched again after the wallet changed', async () => {
    const { body } = await app.call('POST', '/api/people/me/calendar-feed');
    const before = parseFeed((await feed(body.path)).text);
    await app.call('POST', '/api/people/me/activities', { id: 'a1', title: 'Workshop', completed: '2026-03-01', credits: [{ body: 'nasm', units: 1.0 }] });
    const after = parseFeed((await feed(body.path)).text);
    expect(after.map((e) => e.uid)).toEqual(before.map((e) => e.uid));
    const deadline = after.find((e) => e.uid === 'me/cpt/renewal-deadline/cycle-1@recert')!;
    expect(deadline.description).toContain('0.9 CEU still missing');
    expect(new Set(after.map((e) => e.uid)).size).toBe(after.length);
  });

  it('lists planned items as events: a dated session on its day, a self-paced course over its window', async () => {
    const { body } = await app.call('POST', '/api/people/me/calendar-feed');
    const d = calendarDate;
    const item: PlannedItemInput = {
      offeringId: 'nasm-ces', title: 'NASM Corrective Exercise Specialist', provider: 'nasm', providerName: 'NASM', price: 399, hours: 30, format: 'online',
      credits: [{ body: 'nasm', units: 1.9 }], from: d('2026-06-01'), by: d('2027-03-01'), session: null, planned: d('2026-06-01'),
      counts: [{ credential: 'cpt', programName: 'NASM-CPT', ordinal: 1, end: d('2027-03-01'), via: 'credit', units: 1.9, unit: 'CEU', category: null }],
    };
    const { added } = await app.store.addPlannedItems('me', [item, { ...item, offeringId: 'cpr-class', title: 'Adult CPR/AED class', session: d('2026-09-12'), counts: [] }], 'keep', 'test');
    const events = parseFeed((await feed(body.path)).text);
    const selfPaced = events.find((e) => e.uid === `me/planned/${added[0]!.id}@recert`)!;
    expect(selfPaced).toMatchObject({ summary: 'Planned CE: NASM Corrective Exercise Specialist', start: '2026-06-01', end: '2027-03-02', startIsDate: true });
    expect(selfPaced.description).toContain('1.9 CEU toward NASM-CPT, cycle 1');
    expect(selfPaced.triggers).toEqual(['-P90D', '-P30D', '-P7D']);
    expect(events.find((e) => e.uid === `me/planned/${added[1]!.id}@recert`)).toMatchObject({ start: '2026-09-12', end: '2026-09-13' });
    await app.store.removePlannedItem('me', added[1]!.id, 'test');
    expect(parseFeed((await feed(body.path)).text).some((e) => e.uid === `me/planned/${added[1]!.id}@recert`)).toBe(false);
  });

  it('rotates and revokes: the old address stops working at once', async () => {
    const first = (await app.call('POST', '/api/people/me/calendar-feed')).body;
    // Issuing again returns the same token; two clients at once get one token.
    const [a, b] = await Promise.all([app.call('POST', '/api/people/me/calendar-feed'), app.call('POST', '/api/people/me/calendar-feed')]);
    expect([a.body.token, b.body.token]).toEqual([first.token, first.token]);
    const rotated = await app.call('POST', '/api/people/me/calendar-feed/rotate');
    expect(rotated.body.token).not.toBe(first.token);
    expect((await feed(first.path)).status).toBe(404);
    expect((await feed(rotated.body.path)).status).toBe(200);
    expect((await app.call('DELETE', '/api/people/me/calendar-feed')).status).toBe(204);
    const gone = await feed(rotated.body.path);
    expect(gone.status).toBe(404);
    expect(JSON.parse(gone.text)).toMatchObject({ code: 'NOT_FOUND', issues: [{ path: 'url' }] });
    expect((await app.call('GET', '/api/people/me/calendar-feed')).body.enabled).toBe(false);
    const changes = await app.call('GET', '/api/people/me/changes');
    const feedChanges = changes.body.filter((c: { entity: string }) => c.entity === 'calendar-feed');
    expect(feedChanges.map((c: { action: string }) => c.action)).toEqual(['delete', 'update', 'create']);
    expect(JSON.stringify(feedChanges)).not.toContain(first.token);
  });

  it('answers 404 for unknown tokens, malformed feed names and unknown people', async () => {
    expect((await feed(`/ical/${'A'.repeat(43)}.ics`)).status).toBe(404);
    expect((await feed('/ical/not-a-token')).status).toBe(404);
    expect((await feed('/ical/..%2F..%2Fetc.ics')).status).toBe(404);
    const nobody = await app.call('POST', '/api/people/nobody/calendar-feed/rotate');
    expect(nobody.status).toBe(404);
    expect(nobody.body.issues[0].path).toBe('params.personId');
  });
});
