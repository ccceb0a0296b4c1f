import MarkdownIt from 'markdown-it';
import sanitizeHtml from 'sanitize-html';

/**
 * Articles are written in Markdown by staff and shown inside vendors' pages, so what they render
 * to is sanitised whatever the Markdown held: raw HTML is allowed through the parser only to be
 * cut down to an allow-list of harmless tags and attributes.
 */
const markdown = new MarkdownIt({ html: true, linkify: true, typographer: false });

const SAFE: sanitizeHtml.IOptions = {
  allowedTags: [
    'h2',
    'h3',
    'h4',
    'p',
    'br',
    'hr',
    'ul',
    'ol',
    'li',
    'strong',
    'em',
    'code',
    'pre',
    'kbd',
    'blockquote',
    'a',
    'img',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
  ],
  allowedAttributes: {
    a: ['href', 'title', 'rel', 'target'],
    img: ['src', 'alt', 'title', 'width', 'height'],
    th: ['align'],
    td: ['align'],
    ol: ['start'],
  },
  allowedSchemes: ['https', 'http', 'mailto'],
  allowedSchemesByTag: { img: ['https'] },
  allowProtocolRelative: false,
  // An article's own heading is its title, so headings inside start one level lower.
  transformTags: {
    h1: 'h2',
    a: (tagName, attribs) => ({
      tagName,
      attribs: /^https?:/i.test(attribs.href ?? '')
        ? { ...attribs, rel: 'noopener noreferrer', target: '_blank' }
        : attribs,
    }),
  },
  // Images only from https addresses: a relative one would load from the vendor's page.
  exclusiveFilter: (frame) => frame.tag === 'img' && !/^https:\/\//i.test(frame.attribs.src ?? ''),
};

export interface RenderedArticle {
  html: string;
  /** The words a reader sees, without markup, for search and snippets. */
  text: string;
}

export function renderArticle(body: string): RenderedArticle {
  const html = sanitizeHtml(markdown.render(body), SAFE);
  const text = sanitizeHtml(html.replace(/<\/(p|li|h\d|pre|blockquote|td|th)>|<br ?\/?>/g, '$& '), {
    allowedTags: [],
    allowedAttributes: {},
  });
  return { html, text: decodeEntities(text).replace(/\s+/g, ' ').trim() };
}

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  '#39': "'",
  nbsp: ' ',
};

/** sanitize-html leaves text escaped; the plain text is never put into HTML unescaped again. */
function decodeEntities(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (_, name: string) => ENTITIES[name]!);
}
