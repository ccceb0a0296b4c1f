import { css } from 'lit';

/** What every view of every element starts from: text, headings, links and quiet hints. */
export const viewStyles = css`
  p {
    margin: 0;
  }

  h2 {
    font-size: 1.25rem;
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
    font-size: 0.875rem;
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
    gap: 0.5rem;
  }

  .bone {
    block-size: 4.5rem;
    border-radius: var(--_radius);
    background: color-mix(in srgb, var(--_muted) 15%, var(--_surface));
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
