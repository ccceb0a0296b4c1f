import { css } from 'lit';

/** What every view of every element starts from: text, headings, links and quiet hints. */
export const viewStyles = css`
  p {
    margin: 0;
  }

  h2 {
    font-size: calc(1.25 * var(--_portico-rem));
    margin: 0;
    overflow-wrap: anywhere;
  }

  /* Headings take focus only to tell screen readers where they are; they are not controls. */
  [tabindex='-1']:focus {
    outline: none;
  }

  a {
    color: var(--_brand);
  }

  .hint {
    color: var(--_muted);
    font-size: calc(0.875 * var(--_portico-rem));
    font-weight: 400;
  }

  .secondary {
    background: var(--_surface);
    color: var(--_text);
    border-color: var(--_border);
  }
`;

/** A first read's placeholder: grey bones where the content will be; still for reduced motion. */
export const skeletonStyles = css`
  .skeleton {
    display: grid;
    gap: calc(0.5 * var(--_portico-rem));
  }

  .bone {
    block-size: calc(4.5 * var(--_portico-rem));
    border-radius: var(--_radius);
    background: var(--_surface-raised);
    animation: pulse 1.5s ease-in-out infinite;
  }

  @keyframes pulse {
    50% {
      opacity: 0.5;
    }
  }

  @media (prefers-reduced-motion: reduce) {
    .bone {
      animation: none;
    }
  }
`;
