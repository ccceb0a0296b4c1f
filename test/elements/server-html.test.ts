import { expect, fixture } from '@open-wc/testing';
import { html, render } from 'lit';
import { serverHtml } from '../../elements/shared/server-html.ts';
import { cssProperties } from '../../elements/shared/css-properties.ts';

/** What `serverHtml` puts in the page for `markup`. */
async function rendered(markup: string): Promise<HTMLElement> {
  return fixture<HTMLElement>(html`<div>${serverHtml(markup)}</div>`);
}

describe('serverHtml', () => {
  it('renders the tags an article may have', async () => {
    const element = await rendered(
      '<h2>Track</h2><p>Open <a href="https://carrier.example/t" rel="noopener noreferrer" target="_blank">the carrier</a> or <a href="#faq">the FAQ</a>, mail <a href="mailto:help@shop.example">us</a>.</p><ul><li><strong>Now</strong> <em>and</em> <code>later</code></li></ul><img src="https://cdn.example/a.png" alt="A parcel" width="10" height="10">',
    );
    expect(element.querySelector('h2')!.textContent).to.equal('Track');
    const links = [...element.querySelectorAll('a')].map((a) => a.getAttribute('href'));
    expect(links).to.deep.equal(['https://carrier.example/t', '#faq', 'mailto:help@shop.example']);
    expect(element.querySelector('a')!.getAttribute('target')).to.equal('_blank');
    expect(element.querySelector('li strong')!.textContent).to.equal('Now');
    const image = element.querySelector('img')!;
    expect(image.getAttribute('alt')).to.equal('A parcel');
    expect(image.getAttribute('width')).to.equal('10');
  });

  it('drops what the server’s allow-list would, even when the server sent it', async () => {
    const element = await rendered(
      [
        '<p onclick="window.serverHtmlRan = 1" class="x" style="color: red" id="p">kept text</p>',
        '<script>window.serverHtmlRan = 1</script>',
        '<style>p { display: none }</style>',
        '<img src="x" onerror="window.serverHtmlRan = 1">',
        '<img src="http://plain.example/a.png">',
        '<a href="javascript:window.serverHtmlRan = 1">one</a>',
        '<a href="java\tscript:window.serverHtmlRan = 1">two</a>',
        '<a href=" data:text/html,<b>x</b>">three</a>',
        '<div><span>unwrapped</span></div>',
        '<svg><a href="https://x.example"><text>svg</text></a></svg>',
        '<iframe src="https://x.example"></iframe>',
        '<form action="https://x.example"><input name="a"></form>',
      ].join(''),
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect('serverHtmlRan' in window).to.equal(false);
    const p = element.querySelector('p')!;
    expect(p.textContent).to.equal('kept text');
    expect(p.getAttributeNames()).to.deep.equal([]);
    expect(
      element.querySelector('script, style, img, svg, iframe, form, input, div, span'),
    ).to.equal(null);
    expect([...element.querySelectorAll('a')].map((a) => a.getAttribute('href'))).to.deep.equal([
      null,
      null,
      null,
    ]);
    expect(element.textContent).to.contain('unwrapped');
  });

  it('unwraps tags named like members of every object', async () => {
    const element = await rendered(
      '<p><constructor title="a">one</constructor> <tostring>two</tostring> <valueof onclick="window.serverHtmlRan = 1">three</valueof></p>',
    );
    const p = element.querySelector('p')!;
    expect(p.textContent).to.equal('one two three');
    expect(p.children.length).to.equal(0);
    expect('serverHtmlRan' in window).to.equal(false);
  });

  it('keeps the same nodes while the HTML stays the same', async () => {
    const host = document.createElement('div');
    const show = (markup: string) => render(html`${serverHtml(markup)}`, host);
    show('<p>one</p>');
    const first = host.querySelector('p');
    show('<p>one</p>');
    expect(host.querySelector('p')).to.equal(first);
    show('<p>two</p>');
    expect(host.querySelector('p')!.textContent).to.equal('two');
    expect(host.querySelectorAll('p').length).to.equal(1);
  });
});

describe('cssProperties', () => {
  it('sets custom properties through the CSSOM from the first render, and removes old ones', async () => {
    const host = document.createElement('div');
    const show = (properties: Record<string, string>) =>
      render(html`<section ${cssProperties(properties)}></section>`, host);
    const setAttribute = Element.prototype.setAttribute;
    const written: string[] = [];
    Element.prototype.setAttribute = function (name: string, value: string) {
      written.push(name);
      return setAttribute.call(this, name, value);
    };
    try {
      show({ '--_height': '20px', '--_top': '4px' });
    } finally {
      Element.prototype.setAttribute = setAttribute;
    }
    expect(written, 'no style attribute is written').to.not.include('style');
    const section = host.querySelector('section')!;
    expect(section.style.getPropertyValue('--_height')).to.equal('20px');
    show({ '--_height': '30px' });
    expect(section.style.getPropertyValue('--_height')).to.equal('30px');
    expect(section.style.getPropertyValue('--_top')).to.equal('');
  });
});
