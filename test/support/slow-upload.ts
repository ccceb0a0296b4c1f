import { request } from 'node:http';
import { TEST_ORIGIN, type TestClient } from './portico.ts';
import { png } from './files.ts';

export interface SlowUpload {
  /** Sends the rest of the file; resolves with the server's answer once it has come. */
  finish(): Promise<{ status: number; body: string }>;
  /** Drops the connection instead. */
  abort(): void;
}

/**
 * A real `file.upload` by `client` whose body stops half-way, so the request stays in progress
 * on the server (holding its admission slot) until `finish`. It asks `Expect: 100-continue` and
 * resolves once the server has answered "continue": the server has then taken the request in,
 * so anything sent after it arrives later. `headers` go along (an `X-Forwarded-For`, say).
 */
export function startSlowUpload(
  client: TestClient,
  headers: Record<string, string> = {},
): Promise<SlowUpload> {
  const boundary = `portico-${crypto.randomUUID()}`;
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="slow.png"\r\n` +
        'Content-Type: image/png\r\n\r\n',
    ),
    png(64),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const half = Math.floor(body.length / 2);
  const cookie = [...client.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  return new Promise((resolve, reject) => {
    const req = request(new URL('/api/trpc/file.upload', client.baseUrl), {
      method: 'POST',
      headers: {
        ...headers,
        origin: TEST_ORIGIN,
        cookie,
        expect: '100-continue',
        'content-type': `multipart/form-data; boundary=${boundary}`,
        'content-length': String(body.length),
      },
    });
    const answer = new Promise<{ status: number; body: string }>((done, fail) => {
      req.once('response', (response) => {
        const parts: Buffer[] = [];
        response.on('data', (part: Buffer) => parts.push(part));
        response.once('end', () =>
          done({ status: response.statusCode ?? 0, body: Buffer.concat(parts).toString() }),
        );
        response.once('error', fail);
      });
      req.once('error', fail);
    });
    // Until `finish` is called nobody awaits the answer; an early failure still rejects below.
    answer.catch(reject);
    req.once('continue', () => {
      req.write(body.subarray(0, half));
      resolve({
        finish() {
          req.end(body.subarray(half));
          return answer;
        },
        abort() {
          answer.catch(() => {});
          req.destroy();
        },
      });
    });
    req.flushHeaders();
  });
}
