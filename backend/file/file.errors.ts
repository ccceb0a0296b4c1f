/**
 * What a person reads when a file is refused, on upload or download; the keys of the upload
 * checks travel as `data.reason`. `{limit}` is a size in the reader's language ("10 MB"),
 * `{kind}` one of `FileKind`, `{extension}` and `{expected}` a file name's ending without dot.
 */
export const FileError = {
  NO_FILE: 'Choose a file to upload.',
  DAILY_LIMIT:
    'You have uploaded {count} files in the last day, the limit. Try again tomorrow or write to us.',
  NO_ACCOUNT: 'This sign-in has no customer account to attach files to.',
  NOT_FOUND: 'We could not find that file.',
  EMPTY: '“{name}” is empty. Choose a file with content.',
  TOO_LARGE: '“{name}” is larger than {limit}, the limit per file. Make it smaller or split it.',
  /** A request bigger than any file may be, refused before its file is read. */
  BODY_TOO_LARGE: 'Files are limited to {limit} each. Make the file smaller or split it.',
  MARKUP:
    '“{name}” is a web page, SVG or XML file, which cannot be attached. Save it as PDF or as a PNG image instead.',
  TYPE_NOT_ALLOWED:
    '“{name}” is not a kind of file we accept. You can attach images (PNG, JPEG, GIF, WebP), PDF, plain text and office documents (Word, Excel, PowerPoint, OpenDocument).',
  NAME_MISMATCH:
    '“{name}” is named as .{extension} but its content is a {kind}. Rename it to .{expected} or save it again.',
} as const;

/** What each kind of file we accept is called, for `FileError.NAME_MISMATCH`'s `{kind}`. */
export const FileKind = {
  PNG: 'PNG image',
  JPEG: 'JPEG image',
  GIF: 'GIF image',
  WEBP: 'WebP image',
  PDF: 'PDF document',
  WORD: 'Word document',
  EXCEL: 'Excel workbook',
  POWERPOINT: 'PowerPoint file',
  OPENDOCUMENT_TEXT: 'OpenDocument text',
  OPENDOCUMENT_SPREADSHEET: 'OpenDocument spreadsheet',
  OPENDOCUMENT_PRESENTATION: 'OpenDocument presentation',
  OFFICE: 'Office document',
  TEXT: 'text file',
} as const;
