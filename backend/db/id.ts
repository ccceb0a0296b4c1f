import { randomBytes } from 'node:crypto';

/** A random, URL-safe id (128 bits). Ids are never sequential, so they reveal no counts. */
export function newId(): string {
  return randomBytes(16).toString('base64url');
}
