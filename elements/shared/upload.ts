/** A file the server kept: what `file.upload` answers. */
export interface UploadedFile {
  id: string;
  name: string;
  size: number;
  mediaType: string;
}

/** Why the server refused a file (`TOO_LARGE`, `TYPE_NOT_ALLOWED`, …) and its own sentence. */
export class UploadError extends Error {
  readonly reason: string;
  readonly status: number;

  constructor(reason: string, message: string, status: number) {
    super(message);
    this.name = 'UploadError';
    this.reason = reason;
    this.status = status;
  }
}

interface Envelope {
  result?: { data: UploadedFile };
  error?: { message: string; data?: { code?: string; reason?: string | null } };
}

/**
 * Sends one file to `file.upload` as multipart form data. XMLHttpRequest rather than fetch,
 * because only it reports upload progress (`onProgress` gets 0…1). Abort with `signal`.
 */
export function uploadFile(
  baseUrl: string,
  file: File,
  onProgress: (fraction: number) => void,
  signal?: AbortSignal,
): Promise<UploadedFile> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', `${baseUrl}/api/trpc/file.upload`);
    request.withCredentials = true;
    request.responseType = 'json';
    request.upload.addEventListener('progress', (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    });
    request.addEventListener('load', () => {
      const body = request.response as Envelope | { error?: { code?: string; message?: string } };
      if (request.status === 200 && body && 'result' in body && body.result) {
        onProgress(1);
        resolve(body.result.data);
        return;
      }
      const error = (body?.error ?? {}) as {
        message?: string;
        code?: unknown;
        data?: { code?: string; reason?: string | null };
      };
      const reason =
        error.data?.reason ??
        (typeof error.code === 'string' ? error.code : null) ??
        error.data?.code ??
        'FAILED';
      reject(new UploadError(reason, error.message ?? '', request.status));
    });
    request.addEventListener('error', () => reject(new UploadError('NETWORK', '', 0)));
    request.addEventListener('abort', () => reject(new UploadError('ABORTED', '', 0)));
    signal?.addEventListener('abort', () => request.abort(), { once: true });
    const form = new FormData();
    form.set('file', file, file.name);
    request.send(form);
  });
}
