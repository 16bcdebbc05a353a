/**
 * GET /api/orgs/{orgId}/team (and team.csv): every shared member × credential (status, deadline, what is missing),
 * filtered, sorted and paged, or all of it as CSV; with the members at risk per month ahead.
 * Staff of the organization only (viewer and up); evidence and activities never appear.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../app-deps.js';
import { isoDate, errorSchema, dateString } from '../schemas/common-schemas.js';
import { statusSchema } from '../schemas/report-schema.js';
import { filterRows, membersAtRiskByMonth, sortRows, toCsv } from '../team/team-grid.js';
import type { TeamEvaluations } from '../team/team-evaluations.js';
import { orgParams } from './org-routes.js';

const teamQuery = z.object({
  asOf: isoDate.optional(),
  due: z.enum(['30', '60', '90']).optional().meta({ description: 'Only deadlines within this many days' }),
  lapsed: z.enum(['true', 'false']).optional().meta({ description: 'Only lapsed credentials' }),
  program: z.string().max(100).optional(),
  sort: z.enum(['deadline', 'name', 'status', 'program']).default('deadline'),
  order: z.enum(['asc', 'desc']).default('asc'),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});
const csvQuery = teamQuery.omit({ page: true, pageSize: true });

const rowSchema = z.object({
  personId: z.string(), name: z.string(), credentialId: z.string(), program: z.string(), programName: z.string(), status: statusSchema,
  deadline: dateString.nullable(), missing: z.number().nullable(), unit: z.string().nullable(), unmet: z.array(z.string()),
});

const teamSchema = z.object({
  asOf: dateString,
  members: z.number().int(),
  total: z.number().int().meta({ description: 'Rows after the filters, over all pages' }),
  page: z.number().int(),
  pageSize: z.number().int(),
  rows: z.array(rowSchema),
  atRiskByMonth: z.array(z.object({ month: z.string(), members: z.number().int() })).meta({ description: 'Members with something still missing before a deadline in that month (all members, filters ignored)' }),
});

export function teamRoutes(deps: AppDeps, team: TeamEvaluations): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/orgs/:orgId/team', {
      config: { access: { org: 'viewer' } },
      schema: {
        tags: ['organizations'], summary: 'The team view: members × credentials with status, deadline and what is missing (JSON page or CSV)',
        params: orgParams, querystring: teamQuery,
        response: { 200: teamSchema, 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema },
      },
    }, async (request) => {
      const q = request.query;
      const { asOf, members, rows, filtered } = await grid(request.params.orgId, q);
      const start = (q.page - 1) * q.pageSize;
      return {
        asOf, members: members.length, total: filtered.length, page: q.page, pageSize: q.pageSize,
        rows: filtered.slice(start, start + q.pageSize), atRiskByMonth: membersAtRiskByMonth(rows, asOf),
      };
    });

    app.get('/orgs/:orgId/team.csv', {
      config: { access: { org: 'viewer' } },
      schema: { tags: ['organizations'], summary: 'The team view as CSV: every row the filters keep (no paging)', params: orgParams, querystring: csvQuery },
    }, async (request, reply) => {
      const { asOf, filtered } = await grid(request.params.orgId, request.query);
      return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="team-${asOf}.csv"`).header('cache-control', 'no-store').send(toCsv(filtered));
    });

    async function grid(orgId: string, q: z.infer<typeof csvQuery>) {
      const asOf = q.asOf ?? deps.today();
      const members = await deps.store.accounts.sharedPeople(orgId);
      const { rows } = await team.rows(members, asOf);
      const filtered = sortRows(filterRows(rows, {
        dueWithinDays: q.due === undefined ? undefined : (Number(q.due) as 30 | 60 | 90), lapsed: q.lapsed === 'true', program: q.program, sort: q.sort, order: q.order,
      }, asOf), q.sort, q.order);
      return { asOf, members, rows, filtered };
    }
  };
}
