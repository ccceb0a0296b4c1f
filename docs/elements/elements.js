// The elements' reference, rendered from /custom-elements.json with DOM calls only (no HTML
// strings), under the page's strict Content Security Policy.

/** Examples that need more than the bare tag; every other element is shown as `<tag></tag>`. */
const EXAMPLES = {
  'portico-help-search': [{ tag: 'portico-help-search', attributes: { query: 'invoice' } }],
  'portico-chat': [{ tag: 'portico-chat', attributes: { position: 'start' } }],
  'portico-portal': [
    {
      tag: 'portico-portal',
      attributes: { api: location.origin },
      children: [{ tag: 'portico-help-search' }],
    },
  ],
};

/** What an example shows or needs, when that is not obvious from its box. */
const EXAMPLE_NOTES = {
  'portico-chat': 'The launcher sits in the start corner of this page.',
  'portico-notifications': 'The bell shows only while a customer is signed in.',
  'portico-announcements': 'It takes no room while there is nothing to announce.',
  'portico-account-summary': 'Most of it shows once a customer signs in above.',
};

const SECTIONS = [
  { id: 'customer-elements', title: 'Elements for your pages' },
  { id: 'staff-elements', title: 'Staff console' },
  { id: 'inner-elements', title: 'Elements inside other elements' },
];

function el(name, properties = {}, ...children) {
  const node = document.createElement(name);
  for (const [key, value] of Object.entries(properties)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'text') node.textContent = value;
    else node.setAttribute(key, value === true ? '' : String(value));
  }
  node.append(...children.flat().filter((child) => child !== null && child !== undefined));
  return node;
}

/** A description's text, with `code` in backticks as code. */
function prose(text = '') {
  const nodes = [];
  String(text)
    .replace(/\s+/g, ' ')
    .trim()
    .split(/(`[^`]+`)/)
    .forEach((piece) => {
      if (!piece) return;
      nodes.push(piece.startsWith('`') ? el('code', { text: piece.slice(1, -1) }) : piece);
    });
  return nodes;
}

const code = (text) => (text ? el('code', { text }) : '');

/** A table of rows under an h3, in a box that scrolls sideways on narrow screens. */
function table(id, title, headers, rows, level = 'h4') {
  if (rows.length === 0) return null;
  const headingId = `${id}-title`;
  return el(
    'div',
    { class: 'block' },
    el(level, { id: headingId, text: title }),
    el(
      'div',
      { class: 'scroll', role: 'region', 'aria-labelledby': headingId, tabindex: 0 },
      el(
        'table',
        { 'aria-labelledby': headingId },
        el(
          'thead',
          {},
          el(
            'tr',
            {},
            headers.map((header) => el('th', { scope: 'col', text: header })),
          ),
        ),
        el(
          'tbody',
          {},
          rows.map(([name, ...cells]) =>
            el(
              'tr',
              {},
              el('th', { scope: 'row' }, code(name)),
              cells.map((cell) => el('td', {}, cell)),
            ),
          ),
        ),
      ),
    ),
  );
}

function exampleOf(tag) {
  return EXAMPLES[tag] ?? [{ tag }];
}

function exampleHtml(nodes, indent = '') {
  return nodes
    .map(({ tag, attributes = {}, children = [] }) => {
      const attrs = Object.entries(attributes)
        .map(([name, value]) => (value === '' ? ` ${name}` : ` ${name}="${value}"`))
        .join('');
      const inner =
        children.length > 0 ? `\n${exampleHtml(children, `${indent}  `)}\n${indent}` : '';
      return `${indent}<${tag}${attrs}>${inner}</${tag}>`;
    })
    .join('\n');
}

function exampleNodes(nodes) {
  return nodes.map(({ tag, attributes = {}, children = [] }) => {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
    node.append(...exampleNodes(children));
    return node;
  });
}

function liveExample(tag, kind) {
  const id = `${tag}-example`;
  const heading = el('h4', { id: `${id}-title`, text: 'Example' });
  if (kind === 'staff') {
    return el(
      'div',
      { class: 'block' },
      heading,
      el(
        'p',
        {},
        'A view of the staff console, for signed-in staff: see it at ',
        el('a', { href: '/staff', text: '/staff' }),
        '.',
      ),
    );
  }
  if (kind === 'inner') return null;
  const nodes = exampleOf(tag);
  const note = EXAMPLE_NOTES[tag];
  return el(
    'div',
    { class: 'block' },
    heading,
    el('pre', { tabindex: 0 }, el('code', { text: exampleHtml(nodes) })),
    note ? el('p', { class: 'note', text: note }) : null,
    el(
      'div',
      { class: 'example', 'data-example': tag, role: 'group', 'aria-labelledby': `${id}-title` },
      exampleNodes(nodes),
    ),
  );
}

function typeOf(entry) {
  return entry.type?.text ?? '';
}

/** `event.user: SignedInUser`-style lines for an event class's own fields. */
function payloadOf(event, classes) {
  const type = typeOf(event);
  const eventClass = classes.get(type);
  const fields = (eventClass?.members ?? []).filter(
    (member) => member.kind === 'field' && !member.static && member.privacy !== 'private',
  );
  if (fields.length === 0) return type ? [code(type)] : ['none'];
  return [
    code(type),
    el(
      'ul',
      { class: 'fields' },
      fields.map((field) =>
        el('li', {}, code(`event.${field.name}`), typeOf(field) ? [': ', code(typeOf(field))] : []),
      ),
    ),
  ];
}

function isPublicField(member) {
  return (
    member.kind === 'field' && !member.static && (!member.privacy || member.privacy === 'public')
  );
}

const LIFECYCLE = new Set([
  'render',
  'connectedCallback',
  'disconnectedCallback',
  'attributeChangedCallback',
  'firstUpdated',
  'updated',
  'willUpdate',
  'update',
  'createRenderRoot',
]);

function isPublicMethod(member) {
  return (
    member.kind === 'method' &&
    !member.static &&
    (!member.privacy || member.privacy === 'public') &&
    !LIFECYCLE.has(member.name) &&
    member.description
  );
}

function elementSection({ tag, declaration, kind, host }, classes) {
  const attributes = declaration.attributes ?? [];
  const attributeOf = new Map(
    attributes.filter((a) => a.fieldName).map((a) => [a.fieldName, a.name]),
  );
  const own = (declaration.cssProperties ?? []).filter((p) => !p.name.startsWith('--portico-'));
  const tokens = (declaration.cssProperties ?? []).filter((p) => p.name.startsWith('--portico-'));
  const titleId = `${tag}-heading`;
  return el(
    'article',
    { id: tag, class: 'element', 'aria-labelledby': titleId, 'data-tag': tag },
    el('h3', { id: titleId }, code(`<${tag}>`)),
    declaration.summary ? el('p', { class: 'summary' }, prose(declaration.summary)) : null,
    el('p', {}, prose(declaration.description)),
    host
      ? el(
          'p',
          { class: 'note' },
          'Rendered inside ',
          el('a', { href: `#${host}` }, code(`<${host}>`)),
          '; style it through that element\u2019s parts.',
        )
      : null,
    liveExample(tag, kind),
    table(
      `${tag}-attributes`,
      'Attributes',
      ['Name', 'Type', 'Default', 'Description'],
      attributes.map((a) => [a.name, code(typeOf(a)), code(a.default), prose(a.description)]),
    ),
    table(
      `${tag}-properties`,
      'Properties',
      ['Name', 'Type', 'Attribute', 'Description'],
      (declaration.members ?? [])
        .filter(isPublicField)
        .map((m) => [m.name, code(typeOf(m)), code(attributeOf.get(m.name)), prose(m.description)]),
    ),
    table(
      `${tag}-methods`,
      'Methods',
      ['Name', 'Description'],
      (declaration.members ?? [])
        .filter(isPublicMethod)
        .map((m) => [`${m.name}()`, prose(m.description)]),
    ),
    table(
      `${tag}-events`,
      'Events',
      ['Name', 'Payload', 'Description'],
      (declaration.events ?? []).map((e) => [e.name, payloadOf(e, classes), prose(e.description)]),
    ),
    table(
      `${tag}-slots`,
      'Slots',
      ['Name', 'Description'],
      (declaration.slots ?? []).map((s) => [s.name || '(default)', prose(s.description)]),
    ),
    table(
      `${tag}-parts`,
      'CSS parts',
      ['Name', 'Description'],
      (declaration.cssParts ?? []).map((p) => [p.name, prose(p.description)]),
    ),
    table(
      `${tag}-css-properties`,
      'CSS custom properties',
      ['Name', 'Default', 'Description'],
      own.map((p) => [p.name, code(p.default), prose(p.description)]),
    ),
    tokens.length > 0
      ? el(
          'p',
          { class: 'note' },
          'It also reads the ',
          el('a', { href: '#tokens', text: 'theming tokens' }),
          ` (${tokens.length}).`,
        )
      : null,
  );
}

function tokensSection(elements) {
  const tokens = new Map();
  for (const { declaration } of elements) {
    for (const property of declaration.cssProperties ?? []) {
      if (property.name.startsWith('--portico-') && !tokens.has(property.name))
        tokens.set(property.name, property);
    }
  }
  return el(
    'section',
    { id: 'tokens', 'aria-labelledby': 'tokens-heading' },
    el('h2', { id: 'tokens-heading', text: 'Theming tokens' }),
    el(
      'p',
      {},
      'Set them once on ',
      code(':root'),
      '; every element reads them. Anything else is styled through the parts.',
    ),
    table(
      'tokens-table',
      'Tokens',
      ['Name', 'Default', 'Description'],
      [...tokens.values()].map((t) => [t.name, code(t.default), prose(t.description)]),
      'h3',
    ),
  );
}

/** The elements of the manifest, each with its kind: on the vendor's pages, staff, or inside another. */
function elementsOf(manifest) {
  const found = [];
  const classes = new Map();
  for (const module of manifest.modules ?? []) {
    for (const declaration of module.declarations ?? []) {
      if (declaration.kind === 'class') classes.set(declaration.name, declaration);
      if (!declaration.customElement || !declaration.tagName) continue;
      found.push({ tag: declaration.tagName, declaration, folder: module.path.split('/')[1] });
    }
  }
  const tags = new Set(found.map((element) => element.tag));
  for (const element of found) {
    if (element.tag.startsWith('portico-staff-')) element.kind = 'staff';
    else if (element.folder !== element.tag && tags.has(element.folder)) {
      element.kind = 'inner';
      element.host = element.folder;
    } else element.kind = 'customer';
  }
  found.sort((a, b) => a.tag.localeCompare(b.tag));
  return { elements: found, classes };
}

function contents(elements) {
  const list = el('ul', {}, el('li', {}, el('a', { href: '#tokens', text: 'Theming tokens' })));
  for (const section of SECTIONS) {
    const kind = section.id.split('-')[0];
    const members = elements.filter((element) => element.kind === kind);
    if (members.length === 0) continue;
    list.append(
      el(
        'li',
        {},
        el('a', { href: `#${section.id}`, text: section.title }),
        el(
          'ul',
          {},
          members.map(({ tag }) => el('li', {}, el('a', { href: `#${tag}` }, code(`<${tag}>`)))),
        ),
      ),
    );
  }
  return list;
}

async function start() {
  document.getElementById('script-tag').textContent =
    `<script type="module" src="${location.origin}/portico.js"></script>`;
  const status = document.getElementById('status');
  const main = document.getElementById('main');
  let manifest;
  try {
    const response = await fetch('/custom-elements.json');
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    manifest = await response.json();
  } catch (error) {
    status.textContent = `The manifest could not be read (${error.message}). Run npm run build on the server.`;
    return;
  }
  const { elements, classes } = elementsOf(manifest);
  document.getElementById('contents-status').replaceWith(contents(elements));
  main.append(tokensSection(elements));
  for (const section of SECTIONS) {
    const kind = section.id.split('-')[0];
    const members = elements.filter((element) => element.kind === kind);
    if (members.length === 0) continue;
    main.append(
      el(
        'section',
        { id: section.id, class: 'group', 'aria-labelledby': `${section.id}-heading` },
        el('h2', { id: `${section.id}-heading`, text: section.title }),
        members.map((element) => elementSection(element, classes)),
      ),
    );
  }
  status.textContent = `${elements.length} elements.`;
  status.classList.add('visually-hidden');
  // The browser scrolled to the fragment before the sections existed.
  if (location.hash)
    document.getElementById(decodeURIComponent(location.hash.slice(1)))?.scrollIntoView();
}

start();
