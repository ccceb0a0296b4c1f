import assert from 'node:assert/strict';

/**
 * The customer's ticket updates opened as a browser's EventSource would, resolved once the
 * first event (tRPC's `connected`) has arrived. `send` makes the request: a test client's, or a
 * plain fetch with a cookie.
 */
export async function openLiveStream(send: (path: string, init: RequestInit) => Promise<Response>) {
  const abort = new AbortController();
  const response = await send('/api/trpc/ticket.onUpdate?input=%7B%7D', {
    headers: { accept: 'text/event-stream' },
    signal: abort.signal,
  });
  if (response.status !== 200) assert.fail(`${response.status} ${await response.text()}`);
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let text = '';
  while (!text.includes('event: connected')) {
    const { value, done } = await reader.read();
    assert.ok(!done, 'the stream ended before it connected');
    text += decoder.decode(value, { stream: true });
  }
  return {
    /** Everything the stream sends until the server ends it. */
    async rest(): Promise<string> {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return text;
        text += decoder.decode(value, { stream: true });
      }
    },
    close: () => abort.abort(),
  };
}
