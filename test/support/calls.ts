import type { TestClient, TrpcEnvelope } from './portico.ts';
import { Upload, type Kind } from './procedures.ts';

/** What a call answered: the HTTP status, `OK` or the error code, and the body as sent. */
export interface Answer {
  status: number;
  outcome: string;
  reason: string | null;
  text: string;
}

const URL_INPUT_LIMIT = 6_000;

function answerOf(status: number, text: string): Answer {
  let body: TrpcEnvelope & { error?: { code?: unknown } };
  try {
    body = JSON.parse(text) as typeof body;
  } catch {
    return { status, outcome: `HTTP ${status}`, reason: null, text };
  }
  if (body.result) return { status, outcome: 'OK', reason: null, text };
  const code = body.error?.data?.code ?? body.error?.code;
  return {
    status,
    outcome: typeof code === 'string' ? code : `HTTP ${status}`,
    reason: body.error?.data?.reason ?? null,
    text,
  };
}

/**
 * Reads a tRPC subscription's server-sent events until the first data event (`OK`) or error,
 * then hangs up; a stream that says nothing within the time answers `TIMEOUT`.
 */
export function subscribeOnce(
  client: TestClient,
  path: string,
  input: unknown,
  timeoutMs = 5_000,
): Promise<Answer> {
  return subscribeJson(
    client,
    path,
    input === undefined ? undefined : JSON.stringify(input),
    timeoutMs,
  );
}

/** `subscribeOnce` with the input given as JSON text (`undefined` for none). */
export async function subscribeJson(
  client: TestClient,
  path: string,
  json: string | undefined,
  timeoutMs = 5_000,
): Promise<Answer> {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), timeoutMs);
  const search = json === undefined ? '' : `?input=${encodeURIComponent(json)}`;
  let text = '';
  try {
    const response = await client.request(`/api/trpc/${path}${search}`, {
      headers: { accept: 'text/event-stream' },
      signal: abort.signal,
    });
    if (!response.headers.get('content-type')?.startsWith('text/event-stream')) {
      return answerOf(response.status, await response.text());
    }
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
      for (const block of text.split('\n\n').slice(0, -1)) {
        const lines = block.split('\n');
        const event = lines
          .find((line) => line.startsWith('event:'))
          ?.slice(6)
          .trim();
        const payload = lines.find((line) => line.startsWith('data:'))?.slice(5);
        if (event === 'serialized-error' && payload) {
          const shape = JSON.parse(payload) as { data?: { code?: string; reason?: string } };
          const outcome = shape.data?.code ?? `HTTP ${response.status}`;
          return { status: response.status, outcome, reason: shape.data?.reason ?? null, text };
        }
        if (!event && payload !== undefined) {
          return { status: response.status, outcome: 'OK', reason: null, text };
        }
      }
    }
    return { status: response.status, outcome: 'ENDED', reason: null, text };
  } catch (error) {
    if (abort.signal.aborted) return { status: 0, outcome: 'TIMEOUT', reason: null, text };
    throw error;
  } finally {
    clearTimeout(timer);
    abort.abort();
  }
}

/** Calls a procedure as a browser would: queries by GET, mutations by POST, files as forms. */
export async function call(
  client: TestClient,
  path: string,
  kind: Kind,
  input: unknown,
): Promise<Answer> {
  if (kind === 'subscription') return subscribeOnce(client, path, input);
  const url = `/api/trpc/${path}`;
  let response: Response;
  if (input instanceof Upload) {
    const form = new FormData();
    form.set('file', new Blob([input.bytes]), input.name);
    for (const [name, value] of Object.entries(input.fields)) form.append(name, value);
    response = await client.request(url, { method: 'POST', body: form });
  } else if (kind === 'query' && input === undefined) {
    response = await client.request(url);
  } else {
    const json = JSON.stringify(input);
    const search = kind === 'query' ? `?input=${encodeURIComponent(json)}` : '';
    response =
      search && search.length <= URL_INPUT_LIMIT
        ? await client.request(`${url}${search}`)
        : await client.request(url, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: json,
          });
  }
  return answerOf(response.status, await response.text());
}

/** The body of a tRPC batch: each input as JSON text by its index (`undefined` for none). */
export const batchBody = (inputs: (string | undefined)[]) =>
  `{${inputs.flatMap((json, index) => (json === undefined ? [] : [`"${index}":${json}`])).join(',')}}`;

/** One answer per call of a batch, or one for the whole batch when tRPC refused it as such. */
export function batchAnswers(status: number, text: string): Answer[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = null;
  }
  return Array.isArray(parsed)
    ? parsed.map((envelope: TrpcEnvelope) =>
        answerOf(envelope.error?.data?.httpStatus ?? status, JSON.stringify(envelope)),
      )
    : [answerOf(status, text)];
}

/** One tRPC batch of calls to the same procedure (`?batch=1`), inputs given as JSON text. */
export async function batch(
  client: TestClient,
  path: string,
  inputs: (string | undefined)[],
): Promise<{ status: number; answers: Answer[]; text: string }> {
  const response = await client.request(`/api/trpc/${inputs.map(() => path).join(',')}?batch=1`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: batchBody(inputs),
  });
  const text = await response.text();
  return { status: response.status, answers: batchAnswers(response.status, text), text };
}
