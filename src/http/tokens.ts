import { createHash, randomBytes } from 'node:crypto';

/** A new random secret (256 bits, URL-safe). Only its hash is ever stored. */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** SHA-256 of a secret: enough for high-entropy random tokens (no need for a slow hash). */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}
