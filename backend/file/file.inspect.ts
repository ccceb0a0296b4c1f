import { fileTypeFromBuffer } from 'file-type';
import type { Value } from '../i18n/fill.ts';
import { formatMegabytes } from '../i18n/format.ts';
import { translator } from '../i18n/translate.ts';
import type { FileKind } from './file.errors.ts';

export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
export const MAX_NAME_LENGTH = 120;

interface Allowed {
  mediaType: string;
  /** The extensions a file of this type may carry; the first is added when it has none. */
  extensions: readonly string[];
  kind: keyof typeof FileKind;
  /** A more exact type named by the extension, for containers several formats share. */
  byExtension?: Record<string, string>;
}

const OFFICE = 'application/vnd.openxmlformats-officedocument';
const OPEN = 'application/vnd.oasis.opendocument';

/** What may be attached, keyed by what the bytes say (file-type's name, or `text`). */
const ALLOWED: Record<string, Allowed> = {
  png: { mediaType: 'image/png', extensions: ['png'], kind: 'PNG' },
  jpg: { mediaType: 'image/jpeg', extensions: ['jpg', 'jpeg'], kind: 'JPEG' },
  gif: { mediaType: 'image/gif', extensions: ['gif'], kind: 'GIF' },
  webp: { mediaType: 'image/webp', extensions: ['webp'], kind: 'WEBP' },
  pdf: { mediaType: 'application/pdf', extensions: ['pdf'], kind: 'PDF' },
  docx: {
    mediaType: `${OFFICE}.wordprocessingml.document`,
    extensions: ['docx'],
    kind: 'WORD',
  },
  xlsx: {
    mediaType: `${OFFICE}.spreadsheetml.sheet`,
    extensions: ['xlsx'],
    kind: 'EXCEL',
  },
  pptx: {
    mediaType: `${OFFICE}.presentationml.presentation`,
    extensions: ['pptx'],
    kind: 'POWERPOINT',
  },
  odt: { mediaType: `${OPEN}.text`, extensions: ['odt'], kind: 'OPENDOCUMENT_TEXT' },
  ods: { mediaType: `${OPEN}.spreadsheet`, extensions: ['ods'], kind: 'OPENDOCUMENT_SPREADSHEET' },
  odp: {
    mediaType: `${OPEN}.presentation`,
    extensions: ['odp'],
    kind: 'OPENDOCUMENT_PRESENTATION',
  },
  // Word, Excel and PowerPoint before 2007 share one container format.
  cfb: {
    mediaType: 'application/x-ole-storage',
    extensions: ['doc', 'xls', 'ppt'],
    kind: 'OFFICE',
    byExtension: {
      doc: 'application/msword',
      xls: 'application/vnd.ms-excel',
      ppt: 'application/vnd.ms-powerpoint',
    },
  },
  text: {
    mediaType: 'text/plain; charset=utf-8',
    extensions: ['txt', 'csv', 'log', 'md'],
    kind: 'TEXT',
  },
};

/** A file refused: the key of its `FileError` sentence and the values to fill it with. */
export type Inspection =
  | { ok: true; mediaType: string; name: string }
  | { ok: false; reason: UploadRefusal; values: Record<string, Value> };

export type UploadRefusal = 'EMPTY' | 'TOO_LARGE' | 'TYPE_NOT_ALLOWED' | 'MARKUP' | 'NAME_MISMATCH';

/**
 * The name to keep: the last part of whatever path the browser sent, without control and
 * direction-changing characters (which can make `exe.pdf` read as `fdp.exe`), at most 120
 * characters with the extension kept.
 */
export function cleanName(raw: string): string {
  const last = raw.split(/[/\\]/).pop() ?? '';
  const clean = last
    .normalize('NFC')
    .replace(/[\p{Cc}\p{Cf}]/gu, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '');
  if (clean.length <= MAX_NAME_LENGTH) return clean || 'file';
  const dot = clean.lastIndexOf('.');
  const ext = dot > 0 && clean.length - dot <= 10 ? clean.slice(dot) : '';
  return clean.slice(0, MAX_NAME_LENGTH - ext.length) + ext;
}

function extensionOf(name: string): string | null {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : null;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Readable text: valid UTF-8 with no control characters other than tab, newlines and form feed. */
function isText(bytes: Uint8Array): string | null {
  try {
    const text = utf8.decode(bytes);
    return /[\u0000-\u0008\u000b\u000e-\u001f\u007f]/.test(text) ? null : text;
  } catch {
    return null;
  }
}

/** HTML, SVG and XML are text a browser may run; they are refused rather than stored. */
function isMarkup(text: string): boolean {
  return /^\s*</.test(text.replace(/^\uFEFF/, '')) || /<(svg|script|html|iframe)\b/i.test(text);
}

/** Decides from the bytes alone what a file is, and whether it may be kept under its name. */
export async function inspectUpload(bytes: Uint8Array, rawName: string): Promise<Inspection> {
  const name = cleanName(rawName);
  if (bytes.byteLength === 0) {
    return { ok: false, reason: 'EMPTY', values: { name } };
  }
  if (bytes.byteLength > MAX_UPLOAD_BYTES) {
    return tooLarge(name);
  }
  const detected = await fileTypeFromBuffer(bytes);
  let key: string | undefined = detected?.ext;
  if (!detected) {
    const text = isText(bytes);
    if (text !== null && isMarkup(text)) {
      return { ok: false, reason: 'MARKUP', values: { name } };
    }
    key = text === null ? undefined : 'text';
  }
  const allowed = key ? ALLOWED[key] : undefined;
  if (!allowed) {
    return { ok: false, reason: 'TYPE_NOT_ALLOWED', values: { name } };
  }
  const ext = extensionOf(name);
  if (ext === null) {
    return { ok: true, mediaType: allowed.mediaType, name: `${name}.${allowed.extensions[0]}` };
  }
  if (!allowed.extensions.includes(ext)) {
    return {
      ok: false,
      reason: 'NAME_MISMATCH',
      values: {
        name,
        extension: ext,
        kind: (locale) => translator(locale, 'FileKind')(allowed.kind),
        expected: allowed.extensions[0] ?? ext,
      },
    };
  }
  return { ok: true, mediaType: allowed.byExtension?.[ext] ?? allowed.mediaType, name };
}

export function tooLarge(name: string): Inspection {
  return { ok: false, reason: 'TOO_LARGE', values: { name, limit: uploadLimit } };
}

/** The size limit per file as the reader writes it: "10 MB". */
export const uploadLimit: Value = (locale) =>
  formatMegabytes(locale, MAX_UPLOAD_BYTES / 1024 / 1024);
