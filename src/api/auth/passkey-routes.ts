/**
 * /api/auth/passkeys: WebAuthn passkeys (@simplewebauthn/server), the main way in once an account
 * has one. Registering needs a session (sign in by email link first); signing in uses discoverable
 * credentials, so the browser offers the passkeys it holds for this site and nobody types a name.
 *
 * Challenges are kept in the database for five minutes and are used once (so the options and the
 * verification may reach different server processes); the relying party
 * id is the host name the browser used (WebAuthn refuses IP addresses: use `localhost` or a name).
 */
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  generateAuthenticationOptions, generateRegistrationOptions, verifyAuthenticationResponse, verifyRegistrationResponse,
  type AuthenticationResponseJSON, type RegistrationResponseJSON,
} from '@simplewebauthn/server';
import { z } from 'zod';
import { RecertError } from '../../shared/recert-error.js';
import type { AppDeps } from '../app-deps.js';
import { hostNameOf } from '../request-guard.js';
import { errorSchema } from '../schemas/common-schemas.js';
import { accountOf } from './caller.js';
import { openSession } from './session-cookie.js';

const CHALLENGE_MS = 5 * 60_000;
const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 429: errorSchema };
const passkeySchema = z.object({ id: z.string(), createdAt: z.string() });
/** The browser's PublicKeyCredential.toJSON(); @simplewebauthn/server checks every field. */
const credentialJson = z.object({ id: z.string().max(1400), rawId: z.string().max(1400), type: z.literal('public-key'), response: z.record(z.string(), z.unknown()) }).loose();

function relyingParty(request: FastifyRequest): { rpID: string; origin: string } {
  const host = request.headers.host ?? '';
  const name = hostNameOf(host) ?? 'localhost';
  return { rpID: name.replace(/^\[|\]$/g, ''), origin: `${request.protocol}://${host}` };
}

function refused(message: string): RecertError {
  return new RecertError([{ code: 'PASSKEY_INVALID', path: 'body.response', message }]);
}

export function passkeyRoutes(deps: AppDeps, options: { now: () => Date; rateLimit: { max: number; timeWindow: number } }): FastifyPluginAsyncZod {
  const accounts = deps.store.accounts;
  return async (app) => {
    const tags = ['accounts'];
    const me = (request: FastifyRequest) => {
      const account = accountOf(request);
      if (account === null) throw new RecertError([{ code: 'UNAUTHENTICATED', path: '', message: 'sign in first' }]);
      return account;
    };

    app.post('/auth/passkeys/register/options', {
      config: { access: 'session' },
      schema: { tags, summary: 'Start adding a passkey to your account: options for navigator.credentials.create()', response: { 200: z.record(z.string(), z.unknown()), ...errors } },
    }, async (request) => {
      const account = me(request);
      const { rpID } = relyingParty(request);
      const existing = await accounts.listPasskeys(account.id);
      const creation = await generateRegistrationOptions({
        rpName: 'recert', rpID, userName: account.email, userID: new TextEncoder().encode(account.id), attestationType: 'none',
        excludeCredentials: existing.map((p) => ({ id: p.credentialId, ...(p.transports === null ? {} : { transports: p.transports as never }) })),
        authenticatorSelection: { residentKey: 'required', userVerification: 'preferred' },
      });
      await accounts.addPasskeyChallenge(creation.challenge, 'register', account.id, new Date(options.now().getTime() + CHALLENGE_MS));
      return creation as unknown as Record<string, unknown>;
    });

    app.post('/auth/passkeys/register/verify', {
      config: { access: 'session' },
      schema: { tags, summary: 'Finish adding a passkey: the credential the browser created', body: z.object({ response: credentialJson }), response: { 201: passkeySchema, ...errors } },
    }, async (request, reply) => {
      const account = me(request);
      const { rpID, origin } = relyingParty(request);
      const now = options.now();
      const verification = await verifyRegistrationResponse({
        response: request.body.response as unknown as RegistrationResponseJSON,
        expectedChallenge: (challenge) => accounts.takePasskeyChallenge(challenge, 'register', account.id, now),
        expectedOrigin: origin, expectedRPID: rpID, requireUserVerification: false,
      }).catch((error: unknown) => {
        throw refused(`the passkey could not be verified: ${error instanceof Error ? error.message : String(error)}`);
      });
      if (!verification.verified) throw refused('the passkey could not be verified');
      const { credential } = verification.registrationInfo;
      const passkey = await accounts.addPasskey(account.id, {
        credentialId: credential.id, publicKey: Buffer.from(credential.publicKey).toString('base64url'), counter: credential.counter, transports: credential.transports ?? null,
      });
      return reply.code(201).send({ id: passkey.id, createdAt: passkey.createdAt });
    });

    app.post('/auth/passkeys/sign-in/options', {
      config: { access: 'public', rateLimit: options.rateLimit },
      schema: { tags, summary: 'Start signing in with a passkey: options for navigator.credentials.get()', response: { 200: z.record(z.string(), z.unknown()), ...errors } },
    }, async (request) => {
      const { rpID } = relyingParty(request);
      const assertion = await generateAuthenticationOptions({ rpID, userVerification: 'preferred' });
      await accounts.addPasskeyChallenge(assertion.challenge, 'sign-in', null, new Date(options.now().getTime() + CHALLENGE_MS));
      return assertion as unknown as Record<string, unknown>;
    });

    app.post('/auth/passkeys/sign-in/verify', {
      config: { access: 'public', rateLimit: options.rateLimit },
      schema: {
        tags, summary: 'Finish signing in with a passkey: opens a session (cookie)', body: z.object({ response: credentialJson }),
        response: { 200: z.object({ account: z.object({ id: z.string(), email: z.string(), personId: z.string(), createdAt: z.string() }) }), ...errors },
      },
    }, async (request, reply) => {
      const { rpID, origin } = relyingParty(request);
      const now = options.now();
      const found = await accounts.passkeyByCredentialId(request.body.response.id);
      if (found === null) throw refused('this passkey is not registered here (removed, or made for another server)');
      const verification = await verifyAuthenticationResponse({
        response: request.body.response as unknown as AuthenticationResponseJSON,
        expectedChallenge: (challenge) => accounts.takePasskeyChallenge(challenge, 'sign-in', null, now),
        expectedOrigin: origin, expectedRPID: rpID, requireUserVerification: false,
        credential: { id: found.passkey.credentialId, publicKey: new Uint8Array(Buffer.from(found.passkey.publicKey, 'base64url')), counter: found.passkey.counter, ...(found.passkey.transports === null ? {} : { transports: found.passkey.transports }) },
      }).catch((error: unknown) => {
        throw refused(`the passkey could not be verified: ${error instanceof Error ? error.message : String(error)}`);
      });
      if (!verification.verified) throw refused('the passkey could not be verified');
      await accounts.setPasskeyCounter(found.passkey.id, verification.authenticationInfo.newCounter);
      await openSession(accounts, request, reply, found.account, now);
      return { account: found.account };
    });

    app.get('/auth/passkeys', {
      config: { access: 'session' },
      schema: { tags, summary: "The account's passkeys", response: { 200: z.array(passkeySchema), ...errors } },
    }, async (request) => (await accounts.listPasskeys(me(request).id)).map((p) => ({ id: p.id, createdAt: p.createdAt })));

    app.delete('/auth/passkeys/:passkeyId', {
      config: { access: 'session' },
      schema: { tags, summary: 'Remove a passkey', params: z.object({ passkeyId: z.string().regex(/^[a-f0-9]{32}$/) }), response: { 204: z.null(), ...errors } },
    }, async (request, reply) => {
      if (!(await accounts.removePasskey(me(request).id, request.params.passkeyId))) throw new RecertError([{ code: 'NOT_FOUND', path: 'passkeyId', message: `no passkey with id "${request.params.passkeyId}"` }]);
      return reply.code(204).send(null);
    });
  };
}
