/**
 * Walking an element's composed tree: its shadow roots, the elements nested in them and their
 * shadow roots, and the light children it slots. The contract checks look at everything a
 * customer sees, wherever it is rendered.
 */

/** Every element below `root`, shadow trees included, in document order. */
export function* deepElements(root: Element | ShadowRoot): Generator<Element> {
  if (root instanceof Element && root.shadowRoot) yield* deepElements(root.shadowRoot);
  for (const child of root.children) {
    yield child;
    yield* deepElements(child);
  }
}

/** `host` and every shadow root below it (nested elements' included). */
export function shadowRoots(host: Element): ShadowRoot[] {
  const roots: ShadowRoot[] = [];
  for (const element of [host, ...deepElements(host)]) {
    if (element.shadowRoot) roots.push(element.shadowRoot);
  }
  return roots;
}

/** Whether a customer can see the element at all: rendered, not hidden, with a box. */
export function isShown(element: Element): boolean {
  if (!element.checkVisibility({ visibilityProperty: true, opacityProperty: false })) return false;
  const box = element.getBoundingClientRect();
  return box.width > 0 && box.height > 0;
}

/**
 * Whether the element is the usual "visually hidden" text for screen readers: a 1 px box that
 * clips its content. It is meant to be invisible, so sizes and edges do not apply.
 */
export function isVisuallyHidden(element: Element): boolean {
  for (let node: Element | null = element; node; node = parentOf(node)) {
    const box = node.getBoundingClientRect();
    const style = getComputedStyle(node);
    if (box.width <= 1 && box.height <= 1 && style.overflow === 'hidden') return true;
    if (style.clipPath === 'inset(50%)') return true;
  }
  return false;
}

/** The element's parent in the composed tree (a shadow root's host for its top elements). */
export function parentOf(element: Element): Element | null {
  if (element.assignedSlot) return element.assignedSlot;
  if (element.parentElement) return element.parentElement;
  const root = element.getRootNode();
  return root instanceof ShadowRoot ? root.host : null;
}

/** A short name for a node in a message: its tag, part, name and the start of its text. */
export function nameOf(element: Element): string {
  const bits = [element.localName];
  for (const attribute of ['part', 'name', 'type', 'role', 'aria-label']) {
    const value = element.getAttribute(attribute);
    if (value) bits.push(`${attribute}="${value}"`);
  }
  const text = (element.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40);
  const where = hostsOf(element).join(' › ');
  return `${where ? `${where} › ` : ''}<${bits.join(' ')}>${text ? ` "${text}"` : ''}`;
}

/** The tags of the custom elements an element is rendered inside, outermost first. */
function hostsOf(element: Element): string[] {
  const hosts: string[] = [];
  let root = element.getRootNode();
  while (root instanceof ShadowRoot) {
    hosts.unshift(root.host.localName);
    root = root.host.getRootNode();
  }
  return hosts;
}

/** The first element below `host`, in any shadow root, that matches `selector`. */
export function deepQuery<T extends Element = HTMLElement>(
  host: Element,
  selector: string,
): T | null {
  for (const element of deepElements(host)) if (element.matches(selector)) return element as T;
  return null;
}
