/** A random request key; `randomUUID` exists only on secure pages, and a vendor's may not be. */
export function newRequestKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * One request key per submission. Sending the same thing again, as someone does when the answer
 * to the first try was lost, reuses the key, so the server finds what the first try wrote instead
 * of writing it twice; anything else gets a new key. Once an answer arrives (`answered`), the
 * same words sent again are a new message.
 */
export class SubmissionKey {
  #request: string | null = null;
  #key = '';

  /** The key to send `request` with. */
  for(request: unknown): string {
    const serialized = JSON.stringify(request);
    if (serialized !== this.#request) {
      this.#request = serialized;
      this.#key = newRequestKey();
    }
    return this.#key;
  }

  /** The server answered the submission: the next one is new, whatever it says. */
  answered(): void {
    this.#request = null;
  }
}
