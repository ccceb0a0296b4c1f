import { html } from 'lit';
import { msg, str } from '@lit/localize';
import type { PorticoApi } from '../api/client.ts';
import { BUSY_RETRY, busyDelay, OVERLOADED, sleep } from '../api/busy.ts';
import { formatNumber } from './format.ts';
import { getLocale, wantedLocale } from './locale.ts';

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
  /** The server's `Retry-After` in milliseconds, when it sent one (a busy refusal). */
  readonly retryAfterMs: number;

  constructor(reason: string, message: string, status: number, retryAfterMs = 0) {
    super(message);
    this.name = 'UploadError';
    this.reason = reason;
    this.status = status;
    this.retryAfterMs = retryAfterMs;
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
    // A refused file is explained in the page's language, as every other call is.
    request.setRequestHeader('accept-language', wantedLocale());
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
      const retryAfter = Number(request.getResponseHeader('retry-after'));
      reject(
        new UploadError(
          reason,
          error.message ?? '',
          request.status,
          Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : 0,
        ),
      );
    });
    request.addEventListener('error', () => reject(new UploadError('NETWORK', '', 0)));
    request.addEventListener('abort', () => reject(new UploadError('ABORTED', '', 0)));
    signal?.addEventListener('abort', () => request.abort(), { once: true });
    const form = new FormData();
    form.set('file', file, file.name);
    request.send(form);
  });
}

/** What the server accepts; the server decides by the bytes, this only guides the picker. */
export const ACCEPT =
  'image/png,image/jpeg,image/gif,image/webp,application/pdf,text/plain,.txt,.csv,.log,.md,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.odt,.ods,.odp';
/** The server's limit per file. */
export const MAX_FILE_MB = 10;

export function formatSize(bytes: number): string {
  if (bytes < 1024) return msg(str`${formatNumber(bytes)} bytes`);
  if (bytes < 1024 * 1024) return msg(str`${formatNumber(Math.round(bytes / 1024))} KB`);
  const megabytes = new Intl.NumberFormat(getLocale(), { maximumFractionDigits: 1 });
  return msg(str`${megabytes.format(bytes / 1024 / 1024)} MB`);
}

/** The customer's sentence for a refused file, naming the file and the limit. */
export function uploadRefusal(error: unknown, name: string): string {
  const reason = error instanceof UploadError ? error.reason : 'FAILED';
  switch (reason) {
    case 'TOO_LARGE':
    case 'PAYLOAD_TOO_LARGE':
      return msg(
        str`“${name}” is larger than ${formatNumber(MAX_FILE_MB)} MB, the limit per file. Make it smaller or split it.`,
      );
    case 'EMPTY':
      return msg(str`“${name}” is empty. Choose a file with content.`);
    case 'MARKUP':
      return msg(
        str`“${name}” is a web page, SVG or XML file, which cannot be attached. Save it as PDF or as a PNG image.`,
      );
    case 'NAME_MISMATCH':
      return msg(
        str`The name of “${name}” does not match its content. Rename it or save it again.`,
      );
    case 'TYPE_NOT_ALLOWED':
      return msg(
        str`“${name}” is not a kind of file we accept: images, PDF, text and office documents.`,
      );
    case OVERLOADED:
      return msg('The portal is busy. Try again in a few seconds.');
    case 'TOO_MANY_REQUESTS':
      return msg('You have reached today’s limit of uploaded files. Try again tomorrow.');
    case 'UNAUTHORIZED':
      return msg('Your session has ended. Please sign in again.');
    case 'NETWORK':
      return msg(str`“${name}” could not be sent. Check your connection and try again.`);
    default:
      return msg(str`“${name}” could not be uploaded. Please try again.`);
  }
}

/** One file chosen for a message, on its way to the server or there. */
export interface UploadItem {
  /** Tells the items of a list apart. */
  readonly key: number;
  readonly file: File;
  progress: number;
  uploaded: UploadedFile | null;
  error: string | null;
  readonly abort: AbortController;
}

let nextKey = 0;

/**
 * Starts uploading `file`, once the backend is known. The item changes as the upload goes, and
 * `changed` runs after each change, with `settled` once the file was kept or refused.
 */
export function startUpload(
  api: PorticoApi | undefined,
  file: File,
  changed: (settled: boolean) => void,
): UploadItem {
  const item: UploadItem = {
    key: nextKey++,
    file,
    progress: 0,
    uploaded: null,
    error: null,
    abort: new AbortController(),
  };
  if (!api) return item;
  const onProgress = (progress: number) => {
    item.progress = progress;
    changed(false);
  };
  uploadWhenFree(api, file, onProgress, item.abort.signal).then(
    (uploaded) => {
      item.uploaded = uploaded;
      item.progress = 1;
      changed(true);
    },
    (error: unknown) => {
      if (error instanceof UploadError && error.reason === 'ABORTED') return;
      item.error = uploadRefusal(error, file.name);
      changed(true);
    },
  );
  return item;
}

/**
 * `uploadFile`, sent again while the server refuses it as busy (it never started on it), with
 * the same pauses as the API's calls and the elements' busy status meanwhile.
 */
async function uploadWhenFree(
  api: PorticoApi,
  file: File,
  onProgress: (fraction: number) => void,
  signal: AbortSignal,
): Promise<UploadedFile> {
  let waited = 0;
  for (let attempt = 0; ; attempt++) {
    try {
      return await uploadFile(api.url, file, onProgress, signal);
    } catch (error) {
      if (!(error instanceof UploadError) || error.reason !== OVERLOADED) throw error;
      const delay = busyDelay(attempt, error.retryAfterMs);
      if (attempt >= BUSY_RETRY.retries || waited + delay > BUSY_RETRY.budgetMs) throw error;
      const done = api.busy.wait();
      try {
        await sleep(delay, signal);
      } catch {
        throw new UploadError('ABORTED', '', 0);
      } finally {
        done();
      }
      waited += delay;
      onProgress(0);
    }
  }
}

/** A chosen file's state in words, for its row's label. */
export function uploadLabel(item: UploadItem): string {
  if (item.error) return msg(str`${item.file.name}: not attached`);
  if (item.uploaded) return msg(str`${item.file.name}: attached`);
  return msg(str`${item.file.name}: uploading`);
}

/** Why a chosen file was refused, or its progress bar until it is uploaded. */
export function renderUploadState(item: UploadItem) {
  return item.error
    ? html`<p part="file-error" role="alert">${item.error}</p>`
    : html`<progress
        part="progress"
        max="1"
        .value=${item.progress}
        aria-label=${msg(str`Uploading ${item.file.name}`)}
        ?hidden=${item.uploaded !== null}
      ></progress>`;
}
