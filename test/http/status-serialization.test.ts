/**
 * The status routes send JSON.stringify of the report as evaluate(), summarizeStatus() and
 * summarizeActivities() build it, instead of parsing it with the zod response schema first (src/api/routes/status-routes.ts). That
 * is only right if the bytes are the same: the same fields, nothing extra, in the schema's order. On
 * random wallets of both bench shapes and several as-of dates, both ways give identical text.
 */
import { serializerCompiler } from 'fastify-type-provider-zod';
import { describe, expect, it } from 'vitest';
import { generateWallets } from '../../bench/generate-wallets.js';
import { credentialReportSchema, statusReportSchema, statusSummarySchema } from '../../src/api/schemas/report-schema.js';
import { summarizeActivities } from '../../src/engine/activity-summary.js';
import { summarizeStatus } from '../../src/engine/credential-summary.js';
import { evaluate } from '../../src/engine/evaluate.js';
import { readCatalogDir } from '../../src/io/read-catalog-dir.js';
import type { CalendarDate } from '../../src/shared/calendar-date.js';

const catalog = readCatalogDir();
const viaSchema = (schema: unknown) => serializerCompiler({ schema, method: 'GET', url: '/status', httpStatus: '200' } as Parameters<typeof serializerCompiler>[0]);
const statusViaSchema = viaSchema(statusReportSchema);
const credentialViaSchema = viaSchema(credentialReportSchema);
const summaryViaSchema = viaSchema(statusSummarySchema);

describe('status serialization', () => {
  for (const shape of ['uniform', 'career'] as const) {
    it(`JSON.stringify of the built report equals the zod schema's serialization on ${shape} wallets`, () => {
      let compared = 0;
      for (const seed of [1, 2, 3]) {
        for (const profile of generateWallets(catalog, { people: 30, credentials: 2 + seed, activities: 20 + seed * 10, shape, seed })) {
          for (const asOf of ['2019-01-15', '2026-06-01'] as CalendarDate[]) {
            const report = evaluate(catalog, profile, asOf);
            const payload = { asOf: report.asOf, credentials: report.credentials, activities: summarizeActivities(report, profile) };
            expect(JSON.stringify(payload)).toBe(statusViaSchema(payload));
            const summary = summarizeStatus(report);
            expect(JSON.stringify(summary)).toBe(summaryViaSchema(summary));
            for (const credential of report.credentials) expect(JSON.stringify(credential)).toBe(credentialViaSchema(credential));
            compared++;
          }
        }
      }
      expect(compared).toBe(3 * 30 * 2);
    });
  }
});
