import { noChange } from 'lit';
import { Directive, directive, PartType, type ElementPart, type PartInfo } from 'lit/directive.js';

/**
 * Sets custom properties on an element through its `style` object, from the first render on:
 * `<div ${cssProperties({'--_height': '20px'})}>`. Lit's `styleMap` writes a `style` attribute on
 * the first render, which a page whose CSP has no `'unsafe-inline'` in `style-src` refuses; the
 * CSSOM is always allowed.
 */
class CssPropertiesDirective extends Directive {
  #set = new Set<string>();

  constructor(partInfo: PartInfo) {
    super(partInfo);
    if (partInfo.type !== PartType.ELEMENT) {
      throw new Error('cssProperties() belongs on an element, as `<div ${cssProperties(…)}>`.');
    }
  }

  render(_properties: Readonly<Record<string, string>>) {
    return noChange;
  }

  override update(part: ElementPart, [properties]: [Readonly<Record<string, string>>]) {
    const { style } = part.element as HTMLElement | SVGElement;
    for (const name of this.#set) {
      if (!(name in properties)) style.removeProperty(name);
    }
    for (const [name, value] of Object.entries(properties)) style.setProperty(name, value);
    this.#set = new Set(Object.keys(properties));
    return noChange;
  }
}

export const cssProperties = directive(CssPropertiesDirective);
