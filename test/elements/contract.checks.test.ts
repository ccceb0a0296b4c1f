import { expect, fixture } from '@open-wc/testing';
import { emulateMedia, setViewport } from '@web/test-runner-commands';
import { LitElement, css, html } from 'lit';
import { formStyles, hostStyles } from '../../elements/shared/host.styles.ts';
import { contractProblems, PHONE, useLocale } from './support/contract.ts';
import './support/page.ts';

/**
 * The contract's own test: each check must find what it exists to find, or a green contract
 * suite would mean nothing. A deliberately broken element breaks every rule once; a plain,
 * well-made one breaks none.
 */

class ContractBroken extends LitElement {
  static override styles = [
    hostStyles,
    css`
      :host {
        display: block;
      }
      input {
        border: 1px solid #d4d4d4;
      }
      .pushed {
        margin-left: 2rem;
        color: #b8b8b8;
      }
      .wide {
        inline-size: 600px;
        block-size: 1rem;
      }
      .row {
        display: flex;
      }
      .tiny {
        min-block-size: 0;
        block-size: 20px;
        inline-size: 20px;
        padding: 0;
        margin: 0;
      }
      .spin {
        animation: spin 1s linear infinite;
      }
      .rigid {
        direction: ltr;
      }
      button:focus {
        outline: none;
      }
      @keyframes spin {
        to {
          rotate: 1turn;
        }
      }
      @media (max-width: 600px) {
        input {
          border: 1px solid #d4d4d4;
        }
        .pushed {
          font-size: 0.9rem;
        }
      }
    `,
  ];

  override render() {
    return html`
      <p class="pushed">Faint text on white</p>
      <div class="wide"></div>
      <div class="row"><button class="tiny">A</button><button class="tiny">B</button></div>
      <span class="spin">↻</span>
      <p class="rigid">Always left to right</p>
      <input name="email" />
      <input name="quantity" type="number" aria-label="Quantity" />
      <input type="text" />
    `;
  }
}
customElements.define('contract-broken', ContractBroken);

class ContractFine extends LitElement {
  static override styles = [
    hostStyles,
    formStyles,
    css`
      :host {
        display: block;
        container-type: inline-size;
      }
    `,
  ];

  override render() {
    return html`
      <h2>Deliver to</h2>
      <form>
        <label>Email <input name="email" type="email" autocomplete="email" /></label>
        <label>
          Quantity
          <input name="quantity" type="number" inputmode="numeric" autocomplete="off" />
        </label>
        <button class="primary" type="submit">Continue</button>
      </form>
    `;
  }
}
customElements.define('contract-fine', ContractFine);

/** The checks that reported something: a problem's first word, two for axe and css rules. */
function checksFailed(problems: string[]): string[] {
  const checks = problems.map((problem) => {
    const head = problem.split(': ')[0] ?? '';
    return /^(axe|css) /.test(head) ? head.split(' ').slice(0, 2).join(' ') : head;
  });
  return [...new Set(checks)];
}

describe('the element contract checks', () => {
  before(async () => {
    await setViewport(PHONE);
    await emulateMedia({ reducedMotion: 'reduce' });
  });

  after(async () => {
    await emulateMedia({ reducedMotion: 'no-preference' });
    await useLocale('en');
  });

  it('find every kind of problem in an element that breaks them all', async () => {
    await useLocale('fa');
    const broken = await fixture<ContractBroken>(html`<contract-broken></contract-broken>`);
    const problems = await contractProblems(broken);
    const failed = checksFailed(problems);
    for (const expected of [
      'axe color-contrast',
      'axe label',
      'axe target-size',
      'contrast',
      'overflow',
      'target',
      'autocomplete',
      'type',
      'inputmode',
      'motion',
      'direction',
      'css "button:focus"',
      'focus',
    ]) {
      expect(failed, problems.join('\n')).to.include(expected);
    }
    expect(problems.join('\n')).to.include('margin-left');
    expect(problems.join('\n')).to.include('use a container query');
  });

  it('find that a left-to-right layout is not mirrored in a right-to-left page', async () => {
    await useLocale('fa');
    const fine = await fixture<ContractFine>(html`<contract-fine dir="ltr"></contract-fine>`);
    const problems = await contractProblems(fine);
    expect(problems.some((problem) => problem.startsWith('mirroring'))).to.equal(true);
  });

  for (const locale of ['en', 'fa'] as const) {
    it(`find nothing wrong with a well-made element in ${locale}`, async () => {
      await useLocale(locale);
      const fine = await fixture<ContractFine>(html`<contract-fine></contract-fine>`);
      expect(await contractProblems(fine)).to.deep.equal([]);
    });
  }
});
