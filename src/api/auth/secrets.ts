/** Secrets for sessions, sign-in links, API tokens and invitations: 32 random bytes, kept only as SHA-256. */
import { createHash, randomBytes } from 'node:crypto';

/** 256 random bits, base64url (43 characters). */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** What the database keeps of a secret. A fast hash is enough: the secret has 256 random bits, nothing to guess. */
export function sha256(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** API tokens carry a prefix so a leaked one is recognisable (secret scanners, logs). */
export const TOKEN_PREFIX = 'recert_';
