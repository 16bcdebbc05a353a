/** The store's own failures, as located issues with stable codes (src/shared/error-codes.ts). */
import { RecertError } from '../shared/recert-error.js';

export type EntityKind = 'person' | 'credential' | 'renewal' | 'activity' | 'evidence' | 'offering' | 'planned item';

export function notFound(kind: EntityKind, id: string | number, path: string, owner?: string): RecertError {
  const where = owner === undefined ? '' : ` for person "${owner}"`;
  return new RecertError([{ code: 'NOT_FOUND', path, message: `no ${kind} with id "${id}"${where}` }]);
}

export function alreadyExists(kind: EntityKind, id: string, path: string): RecertError {
  return new RecertError([{ code: 'ALREADY_EXISTS', path, message: `a ${kind} with id "${id}" already exists; choose another id` }]);
}

/** A unique or primary-key violation from either engine (a race that the existence check did not see). */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}

/** A unique violation no existence check foresaw: two writes raced for the same key. */
export function concurrentDuplicate(): RecertError {
  return new RecertError([{ code: 'ALREADY_EXISTS', path: '', message: 'another write added the same entry at the same time; reload and try again' }]);
}

export function renewalExists(credentialId: string, date: string): RecertError {
  return new RecertError([{ code: 'ALREADY_EXISTS', path: 'date', message: `credential "${credentialId}" already has a renewal on ${date}` }]);
}

/**
 * A value the database cannot hold: PostgreSQL's numeric out of range (22003, e.g. thousandths over
 * 2^31) or a character it cannot store (22P05, 22021: a NUL). The schemas refuse these before the
 * store; this keeps anything that slips past them a located 400, not a 500.
 */
export function isUnstorableValue(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '22003' || code === '22P05' || code === '22021';
}

export function unstorableValue(): RecertError {
  return new RecertError([{ code: 'PROFILE_SCHEMA', path: '', message: 'a number is too large or a text contains a character (such as NUL) that the database cannot store' }]);
}
