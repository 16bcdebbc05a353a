/**
 * /api/orgs: organizations (a gym, a studio chain), their staff (owner, admin, viewer) and the
 * members who share their compliance status. Access is checked by the access layer from each
 * route's `config.access` (src/api/auth/access-policy.ts); handlers here only act.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { RecertError } from '../../shared/recert-error.js';
import { accountOf } from '../auth/caller.js';
import { newSecret, sha256 } from '../auth/secrets.js';
import type { AppDeps } from '../app-deps.js';
import { displayText, errorSchema } from '../schemas/common-schemas.js';
import type { TeamEvaluations } from '../team/team-evaluations.js';

export const INVITATION_DAYS = 14;

const randomIdSchema = z.string().regex(/^[a-f0-9]{32}$/, { message: 'expected an id of 32 hex digits' });
export const orgParams = z.object({ orgId: randomIdSchema });
const orgSchema = z.object({ id: z.string(), name: z.string(), createdAt: z.string() });
const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema };

export function orgRoutes(deps: AppDeps, options: { now: () => Date; team: TeamEvaluations }): FastifyPluginAsyncZod {
  const accounts = deps.store.accounts;
  return async (app) => {
    const tags = ['organizations'];
    const me = (request: Parameters<typeof accountOf>[0]) => {
      const account = accountOf(request);
      if (account === null) throw new RecertError([{ code: 'UNAUTHENTICATED', path: '', message: 'sign in first' }]);
      return account;
    };

    app.post('/orgs', {
      config: { access: 'account' },
      schema: { tags, summary: 'Create an organization; you become its owner', body: z.object({ name: displayText }), response: { 201: orgSchema, ...errors } },
    }, async (request, reply) => reply.code(201).send(await accounts.createOrg(request.body.name, me(request).id)));

    app.get('/orgs', {
      config: { access: 'account' },
      schema: { tags, summary: 'The organizations you are staff of or share your status with', response: { 200: z.array(orgSchema.extend({ role: z.enum(['owner', 'admin', 'viewer']).nullable(), sharing: z.boolean() })), ...errors } },
    }, async (request) => {
      const account = me(request);
      return (await accounts.orgsOf(account.id, account.personId)).map((o) => ({ ...o.org, role: o.role, sharing: o.sharing }));
    });

    app.get('/orgs/:orgId', {
      config: { access: { org: 'related' } },
      schema: { tags, summary: 'An organization, with your role and whether you share with it', params: orgParams, response: { 200: orgSchema.extend({ role: z.enum(['owner', 'admin', 'viewer']).nullable(), sharing: z.boolean() }), ...errors } },
    }, async (request) => {
      const account = me(request);
      const org = await accounts.getOrg(request.params.orgId);
      if (org === null) throw new RecertError([{ code: 'NOT_FOUND', path: 'orgId', message: `no organization with id "${request.params.orgId}"` }]);
      return { ...org, role: await accounts.staffRole(org.id, account.id), sharing: await accounts.isShared(org.id, account.personId) };
    });

    app.get('/orgs/:orgId/staff', {
      config: { access: { org: 'viewer' } },
      schema: { tags, summary: "The organization's staff and their roles", params: orgParams, response: { 200: z.array(z.object({ accountId: z.string(), email: z.string(), role: z.enum(['owner', 'admin', 'viewer']) })), ...errors } },
    }, (request) => accounts.listStaff(request.params.orgId));

    app.delete('/orgs/:orgId/staff/:accountId', {
      config: { access: { org: 'admin' } },
      schema: { tags, summary: 'Remove a staff member (not the owner)', params: orgParams.extend({ accountId: randomIdSchema }), response: { 204: z.null(), ...errors } },
    }, async (request, reply) => {
      if (!(await accounts.removeStaff(request.params.orgId, request.params.accountId))) {
        throw new RecertError([{ code: 'NOT_FOUND', path: 'accountId', message: `no removable staff member with id "${request.params.accountId}"` }]);
      }
      return reply.code(204).send(null);
    });

    app.post('/orgs/:orgId/invitations', {
      config: { access: { org: 'admin' } },
      schema: {
        tags, summary: 'Invite someone: as a member who shares their status, or as staff. The token is shown only in this answer',
        params: orgParams, body: z.object({ role: z.enum(['member', 'viewer', 'admin']) }),
        response: { 201: z.object({ id: z.string(), role: z.string(), expiresAt: z.string(), token: z.string() }), ...errors },
      },
    }, async (request, reply) => {
      const account = me(request);
      if (request.body.role === 'admin' && (await accounts.staffRole(request.params.orgId, account.id)) !== 'owner') {
        throw new RecertError([{ code: 'FORBIDDEN', path: 'body.role', message: 'only the owner may invite admins' }]);
      }
      const secret = newSecret();
      const expires = new Date(options.now().getTime() + INVITATION_DAYS * 86_400_000);
      const invitation = await accounts.createInvitation(request.params.orgId, request.body.role, sha256(secret), account.id, expires);
      return reply.code(201).send({ id: invitation.id, role: invitation.role, expiresAt: invitation.expiresAt, token: secret });
    });

    app.post('/invitations/accept', {
      config: { access: 'account' },
      schema: {
        tags, summary: 'Accept an invitation: join as staff, or share your compliance status (status, deadlines, what is missing; never activities or evidence)',
        body: z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{43}$/, { message: 'expected the invitation token (43 characters)' }) }),
        response: { 200: z.object({ orgId: z.string(), role: z.string() }), ...errors },
      },
    }, async (request) => {
      const accepted = await accounts.acceptInvitation(sha256(request.body.token), me(request), options.now());
      if (accepted === null) throw new RecertError([{ code: 'INVITATION_INVALID', path: 'body.token', message: 'this invitation is unknown, already accepted or expired; ask for a new one' }]);
      return { orgId: accepted.orgId, role: accepted.role };
    });

    app.delete('/orgs/:orgId/sharing', {
      config: { access: { org: 'related' } },
      schema: { tags, summary: 'Stop sharing your status with the organization (withdraw)', params: orgParams, response: { 204: z.null(), ...errors } },
    }, async (request, reply) => {
      const account = me(request);
      if (!(await accounts.removeShare(request.params.orgId, account.personId))) throw new RecertError([{ code: 'NOT_FOUND', path: '', message: 'you do not share your status with this organization' }]);
      options.team.forget(account.personId);
      return reply.code(204).send(null);
    });

    app.delete('/orgs/:orgId/members/:personId', {
      config: { access: { org: 'admin' } },
      schema: { tags, summary: 'Remove a member from the team view (their wallet is untouched)', params: orgParams.extend({ personId: z.string().max(100) }), response: { 204: z.null(), ...errors } },
    }, async (request, reply) => {
      if (!(await accounts.removeShare(request.params.orgId, request.params.personId))) throw new RecertError([{ code: 'NOT_FOUND', path: 'personId', message: `no member "${request.params.personId}" in this organization` }]);
      options.team.forget(request.params.personId);
      return reply.code(204).send(null);
    });
  };
}
