/** A fresh wallet stamp (migration 012): 128 random bits, so two writes never share one. */
import { randomBytes } from 'node:crypto';

export function newWalletStamp(): string {
  return randomBytes(16).toString('hex');
}
