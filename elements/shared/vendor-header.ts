import { css, html, nothing } from 'lit';
import type { Branding } from './branding.ts';

/**
 * The vendor's logo and name from the backend's settings, as the fallback of the `header` slot,
 * so a vendor can put their own markup there instead (or an empty element to show nothing).
 */
export function renderVendorHeader(branding: Branding | null) {
  return html`<div part="brand" class="brand">
    <slot name="header"
      >${
        branding
          ? html`${
                branding.logoUrl
                  ? html`<img part="logo" class="logo" src=${branding.logoUrl} alt="" />`
                  : nothing
              }<span part="vendor-name" class="vendor-name">${branding.vendorName}</span>`
          : nothing
      }</slot
    >
  </div>`;
}

export const vendorHeaderStyles = css`
  .brand {
    display: flex;
    align-items: center;
    gap: 0.5em;
    min-inline-size: 0;
    font-weight: 600;
  }

  .logo {
    display: block;
    block-size: 2em;
    inline-size: auto;
    max-inline-size: 10em;
    object-fit: contain;
  }

  .vendor-name {
    overflow-wrap: anywhere;
  }
`;
