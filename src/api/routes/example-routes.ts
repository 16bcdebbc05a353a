/**
 * POST /api/example-wallets: a throwaway person holding the shipped example profile
 * (examples/seed-nasm.json), so a newcomer can look around the web app before entering their own
 * credentials. Each call makes a new person `example-<random>`; remove it like any other person.
 */
import { randomBytes } from 'node:crypto';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { checkProfileReferences } from '../../profile/parse-profile.js';
import { readProfileFile } from '../../io/read-profile-file.js';
import { importCheck } from '../../store/import-check.js';
import { actorOf, type AppDeps } from '../app-deps.js';
import { writeErrors } from '../schemas/common-schemas.js';
import { personSchema } from '../schemas/entity-schemas.js';

/** The package root, from src/api/routes or dist/api/routes alike. */
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const EXAMPLE_PROFILE = join(ROOT, 'examples', 'seed-nasm.json');
export const EXAMPLE_NAME = 'Example wallet (a NASM CPT with the CES and a CPR/AED card)';

export function exampleRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.post('/example-wallets', {
      schema: {
        tags: ['people'],
        summary: 'Add a throwaway person holding the example profile (examples/seed-nasm.json), to look around',
        response: { 201: personSchema, ...writeErrors },
      },
    }, async (request, reply) => {
      const actor = actorOf(request.headers);
      const profile = readProfileFile(EXAMPLE_PROFILE, deps.catalog);
      const person = await deps.store.createPerson({ id: `example-${randomBytes(4).toString('hex')}`, name: EXAMPLE_NAME }, actor);
      try {
        await deps.store.importProfile(person.id, profile, { mode: 'merge', actor, check: importCheck('merge', (p) => checkProfileReferences(p, deps.catalog)) });
      } catch (error) {
        await deps.store.removePerson(person.id, actor);
        throw error;
      }
      return reply.code(201).send(person);
    });
  };
}
