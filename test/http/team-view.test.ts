import { describe, expect, it } from 'vitest';
import { describeEachStore } from '../../src/store/testing/store-backends.js';
import { startAccountsApp } from './account-fixtures.js';
import { useApp } from './use-app.js';

await describeEachStore('HTTP organizations and the team view', { describe, it }, (backend) => {
  const app = useApp('each', () => startAccountsApp(backend));

  async function gymWithTrainer() {
    const owner = await app.signIn('owner@gym.example');
    const trainer = await app.signIn('trainer@example.org');
    const org = await app.as({ cookie: owner.cookie }, 'POST', '/api/orgs', { name: 'Northside Gym' });
    expect(org.status).toBe(201);
    const invitation = await app.as({ cookie: owner.cookie }, 'POST', `/api/orgs/${org.body.id}/invitations`, { role: 'member' });
    expect(invitation).toMatchObject({ status: 201, body: { role: 'member', token: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/) } });
    const trainerCookie = { cookie: trainer.cookie };
    await app.as(trainerCookie, 'POST', '/api/people/me/credentials', { id: 'cpt', program: 'nasm-cpt', earned: '2024-06-20' });
    await app.as(trainerCookie, 'POST', '/api/people/me/credentials', { id: 'cpr', program: 'cpr-aed', earned: '2025-01-10' });
    expect((await app.as(trainerCookie, 'POST', '/api/invitations/accept', { token: invitation.body.token })).body).toEqual({ orgId: org.body.id, role: 'member' });
    return { owner, trainer, orgId: org.body.id as string };
  }

  it('shows the owner a trainer\'s row turn from due-soon to current when the trainer logs CE, and drops it when the trainer withdraws', async () => {
    const { owner, trainer, orgId } = await gymWithTrainer();
    const team = () => app.as({ cookie: owner.cookie }, 'GET', `/api/orgs/${orgId}/team?sort=program`);
    const before = await team();
    expect(before.body).toMatchObject({ asOf: '2026-06-01', members: 1, total: 2 });
    const cpt = () => before.body.rows.find((r: { credentialId: string }) => r.credentialId === 'cpt');
    expect(cpt()).toEqual({ personId: trainer.personId, name: 'trainer', credentialId: 'cpt', program: 'nasm-cpt', programName: expect.any(String), status: 'due-soon', deadline: '2026-06-20', missing: 1.9, unit: 'CEU', unmet: [] });
    expect(before.body.atRiskByMonth[0]).toEqual({ month: '2026-06', members: 1 });
    // Never activities or evidence: the rows hold status, deadline and what is missing only.
    expect(JSON.stringify(before.body)).not.toMatch(/activit|evidence|credits/i);

    await app.as({ cookie: trainer.cookie }, 'POST', '/api/people/me/activities', { title: 'Big course', completed: '2026-05-01', credits: [{ body: 'nasm', units: 1.9 }] });
    const after = await team();
    expect(after.body.rows.find((r: { credentialId: string }) => r.credentialId === 'cpt')).toMatchObject({ status: 'current', missing: 0 });
    expect(after.body.atRiskByMonth[0]).toEqual({ month: '2026-06', members: 0 });

    expect((await app.as({ cookie: trainer.cookie }, 'DELETE', `/api/orgs/${orgId}/sharing`)).status).toBe(204);
    expect((await team()).body).toMatchObject({ members: 0, total: 0, rows: [] });
  });

  it('filters by due window, lapsed and program, sorts, pages, and exports CSV', async () => {
    const { owner, orgId } = await gymWithTrainer();
    const lapsedOne = await app.signIn('lapsed@example.org');
    await app.as({ cookie: lapsedOne.cookie }, 'PATCH', '/api/people/me', { name: '=HYPERLINK("x")' });
    await app.as({ cookie: lapsedOne.cookie }, 'POST', '/api/people/me/credentials', { id: 'cpt', program: 'nasm-cpt', earned: '2019-01-15' });
    const invite = await app.as({ cookie: owner.cookie }, 'POST', `/api/orgs/${orgId}/invitations`, { role: 'member' });
    await app.as({ cookie: lapsedOne.cookie }, 'POST', '/api/invitations/accept', { token: invite.body.token });
    const get = (query: string) => app.as({ cookie: owner.cookie }, 'GET', `/api/orgs/${orgId}/team?${query}`);
    expect((await get('due=30')).body.rows.map((r: { credentialId: string; status: string }) => `${r.credentialId}:${r.status}`)).toEqual(['cpt:due-soon']);
    expect((await get('lapsed=true')).body.rows.map((r: { status: string }) => r.status)).toEqual(['lapsed']);
    expect((await get('program=cpr-aed')).body.total).toBe(1);
    const page1 = await get('sort=name&order=desc&pageSize=2&page=1');
    const page2 = await get('sort=name&order=desc&pageSize=2&page=2');
    expect(page1.body).toMatchObject({ total: 3, page: 1, pageSize: 2 });
    expect(page1.body.rows.length + page2.body.rows.length).toBe(3);
    expect(page1.body.rows[0].name).toBe('trainer');
    const csv = await app.as({ cookie: owner.cookie }, 'GET', `/api/orgs/${orgId}/team.csv?sort=name`);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    const lines = (csv.body as string).trim().split('\r\n');
    expect(lines[0]).toBe('member,person_id,credential,program,status,deadline,missing,unit,unmet');
    expect(lines).toHaveLength(4);
    // A name a spreadsheet would run as a formula is written as text.
    expect(csv.body).toContain(`"'=HYPERLINK(""x"")"`);
  });

  it('lets viewers read the team view but not invite; members and other organizations get nothing', async () => {
    const { owner, trainer, orgId } = await gymWithTrainer();
    const viewer = await app.signIn('desk@gym.example');
    const staffInvite = await app.as({ cookie: owner.cookie }, 'POST', `/api/orgs/${orgId}/invitations`, { role: 'viewer' });
    expect((await app.as({ cookie: viewer.cookie }, 'POST', '/api/invitations/accept', { token: staffInvite.body.token })).body.role).toBe('viewer');
    expect((await app.as({ cookie: viewer.cookie }, 'GET', `/api/orgs/${orgId}/team`)).body.members).toBe(1);
    expect((await app.as({ cookie: viewer.cookie }, 'POST', `/api/orgs/${orgId}/invitations`, { role: 'member' })).status).toBe(403);
    // An invitation works once.
    expect((await app.as({ cookie: trainer.cookie }, 'POST', '/api/invitations/accept', { token: staffInvite.body.token })).body.code).toBe('INVITATION_INVALID');
    // The member sees the organization (to withdraw) but not the team.
    expect((await app.as({ cookie: trainer.cookie }, 'GET', `/api/orgs/${orgId}`)).body).toMatchObject({ role: null, sharing: true });
    expect((await app.as({ cookie: trainer.cookie }, 'GET', `/api/orgs/${orgId}/team`)).status).toBe(404);
    const rival = await app.signIn('owner@rival.example');
    await app.as({ cookie: rival.cookie }, 'POST', '/api/orgs', { name: 'Rival Gym' });
    expect((await app.as({ cookie: rival.cookie }, 'GET', `/api/orgs/${orgId}/team`)).status).toBe(404);
    expect((await app.as({ cookie: rival.cookie }, 'GET', `/api/orgs/${orgId}`)).status).toBe(404);
    // Staff cannot open a member's wallet through the person routes.
    expect((await app.as({ cookie: owner.cookie }, 'GET', `/api/people/${trainer.personId}/activities`)).status).toBe(404);
    // Admins remove members.
    expect((await app.as({ cookie: owner.cookie }, 'DELETE', `/api/orgs/${orgId}/members/${trainer.personId}`)).status).toBe(204);
    expect((await app.as({ cookie: owner.cookie }, 'GET', `/api/orgs/${orgId}/team`)).body.members).toBe(0);
  });
});
