/**
 * The policy of the backend's own pages (the staff console, the elements reference): only this
 * origin's own files, no inline script or style, no eval, nothing from elsewhere, and the page may
 * not be framed. Lit's element styles are constructed style sheets, which a CSP allows. Trusted
 * Types are enforced: only Lit's templates and the server's sanitised article HTML (through
 * Portico's `portico-html` policy) may write markup.
 */
export const OWN_PAGE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "require-trusted-types-for 'script'",
  'trusted-types lit-html portico-html',
].join('; ');
