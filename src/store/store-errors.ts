/** The store's own failures, as located issues with stable codes (src/shared/error-codes.ts). */
import { RecertError } from '../shared/recert-error.js';

export type EntityKind = 'person' | 'credential' | 'renewal' | 'activity' | 'evidence';

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

export function renewalExists(credentialId: string, date: string): RecertError {
  return new RecertError([{ code: 'ALREADY_EXISTS', path: 'date', message: `credential "${credentialId}" already has a renewal on ${date}` }]);
}
