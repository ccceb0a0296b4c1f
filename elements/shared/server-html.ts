import { noChange, nothing } from 'lit';
import { Directive, directive, PartType, type PartInfo } from 'lit/directive.js';

/**
 * The Trusted Types policy through which Portico turns the server's article HTML into DOM. A
 * vendor page that enforces Trusted Types lists it next to Lit's: `trusted-types lit-html
 * portico-html`. Everywhere else markup comes only from Lit's templates, never from data.
 */
export const HTML_POLICY_NAME = 'portico-html';

/**
 * What the server lets through (backend/help/help.markdown.ts), checked again here so that the
 * page never depends on the database holding only what the server once sanitised: any other
 * element is dropped (its text kept), any other attribute removed.
 */
const ALLOWED: Readonly<Record<string, readonly string[]>> = {
  h2: [],
  h3: [],
  h4: [],
  p: [],
  br: [],
  hr: [],
  ul: [],
  ol: ['start'],
  li: [],
  strong: [],
  em: [],
  code: [],
  pre: [],
  kbd: [],
  blockquote: [],
  a: ['href', 'title', 'rel', 'target'],
  img: ['src', 'alt', 'title', 'width', 'height'],
  table: [],
  thead: [],
  tbody: [],
  tr: [],
  th: ['align'],
  td: ['align'],
};
/** Dropped with everything inside them, as the server's sanitiser does. */
const DROPPED_WHOLE =
  /^(script|style|template|textarea|option|noscript|iframe|object|embed|svg|math)$/;
const LINK_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

interface HtmlPolicy {
  createHTML(html: string): unknown;
}
interface TrustedTypesFactory {
  createPolicy(name: string, rules: { createHTML(html: string): string }): HtmlPolicy;
}

/** undefined: not asked yet; null: no Trusted Types in this browser, or the page refused the name. */
let policy: HtmlPolicy | null | undefined;

function htmlPolicy(): HtmlPolicy | null {
  if (policy !== undefined) return policy;
  const factory = (globalThis as { trustedTypes?: TrustedTypesFactory }).trustedTypes;
  try {
    // Only `parse` below calls it, and it cleans what was parsed before it reaches the page.
    policy = factory?.createPolicy(HTML_POLICY_NAME, { createHTML: (html) => html }) ?? null;
  } catch {
    policy = null;
  }
  return policy;
}

/**
 * Links to the web or to mail, relative ones included; images from https addresses only. The
 * browser's own URL parser decides, so `java\tscript:` is seen as what it is.
 */
function allowedValue(name: string, value: string): boolean {
  try {
    if (name === 'src') return new URL(value).protocol === 'https:';
    if (name === 'href') return LINK_PROTOCOLS.has(new URL(value, document.baseURI).protocol);
    return true;
  } catch {
    return false;
  }
}

/** Removes what the allow-list does not name, from an inert template's content. */
function clean(root: DocumentFragment): void {
  for (const element of [...root.querySelectorAll('*')]) {
    // Already gone with a dropped element around it.
    if (!root.contains(element)) continue;
    const tag = element.localName;
    // Own keys only: a tag such as <constructor> must not find Object.prototype's members.
    const attributes = Object.hasOwn(ALLOWED, tag) ? ALLOWED[tag] : undefined;
    if (!attributes) {
      if (DROPPED_WHOLE.test(tag)) element.remove();
      else element.replaceWith(...element.childNodes);
      continue;
    }
    for (const { name, value } of [...element.attributes]) {
      if (!attributes.includes(name) || !allowedValue(name, value)) {
        element.removeAttribute(name);
      }
    }
    if (tag === 'img' && !element.hasAttribute('src')) element.remove();
  }
}

let warned = false;

/** The HTML as nodes for the page, or null when the page's policy refuses it. */
function parse(html: string): DocumentFragment | null {
  // A template's content is inert: nothing in it runs or loads while it is cleaned.
  const template = document.createElement('template');
  try {
    const trusted = htmlPolicy()?.createHTML(html) ?? html;
    // The one place: a TrustedHTML from the policy, into an inert template, cleaned below.
    // eslint-disable-next-line no-restricted-syntax
    (template as { innerHTML: unknown }).innerHTML = trusted;
  } catch (error) {
    if (!warned) {
      warned = true;
      console.error(
        `Portico cannot show help articles on this page: its Content Security Policy enforces Trusted Types without allowing the policy "${HTML_POLICY_NAME}". Add it to the trusted-types directive.`,
        error,
      );
    }
    return null;
  }
  clean(template.content);
  return document.importNode(template.content, true);
}

class ServerHtmlDirective extends Directive {
  #html: string | null | undefined;

  constructor(partInfo: PartInfo) {
    super(partInfo);
    if (partInfo.type !== PartType.CHILD) {
      throw new Error('serverHtml() renders content: use it between tags.');
    }
  }

  render(html: string | null | undefined) {
    if (html === this.#html) return noChange;
    this.#html = html;
    if (html === null || html === undefined || html === '') return nothing;
    return parse(html) ?? nothing;
  }
}

/**
 * Renders HTML that Portico's server sanitised (a help article, its preview) through the
 * `portico-html` policy, checked against the same allow-list on the way in. Never give it
 * anything else.
 */
export const serverHtml = directive(ServerHtmlDirective);
