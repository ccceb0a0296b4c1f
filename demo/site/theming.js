// The theming page's switches: which brand's tokens the stage carries, and its colour scheme.
// Both are kept in the address (?brand=foundry&scheme=dark) so a view can be linked to.
const BRANDS = ['nordlicht', 'foundry', 'meadow', 'signal', 'settings'];
const SCHEMES = ['light dark', 'light', 'dark'];

const form = document.querySelector('#theme-controls');
const stage = document.querySelector('#stage');

// The brand's own header in the login and chat slots; without one, the portal's logo and name.
const MARKS = { foundry: 'FOUNDRY//WORKS', meadow: 'Meadow & Co.', signal: 'SIGNAL PARTS' };

function mark(brand) {
  for (const element of stage.querySelectorAll('portico-login, portico-chat')) {
    element.querySelector(':scope > [slot="header"]')?.remove();
    if (!MARKS[brand]) continue;
    const own = document.createElement('span');
    own.slot = 'header';
    own.className = `${brand}-mark`;
    own.textContent = MARKS[brand];
    element.append(own);
  }
}

function show(brand, scheme) {
  mark(brand);
  stage.className = `stage theme-${brand}`;
  stage.dataset.scheme = scheme;
  form.elements.brand.value = brand;
  form.elements.scheme.value = scheme;
}

function fromAddress() {
  const query = new URLSearchParams(location.search);
  const brand = BRANDS.includes(query.get('brand')) ? query.get('brand') : 'nordlicht';
  const scheme = SCHEMES.includes(query.get('scheme')) ? query.get('scheme') : 'light dark';
  show(brand, scheme);
}

form.addEventListener('change', () => {
  const brand = form.elements.brand.value;
  const scheme = form.elements.scheme.value;
  show(brand, scheme);
  const query = new URLSearchParams(location.search);
  query.set('brand', brand);
  query.set('scheme', scheme);
  history.replaceState(null, '', `?${query}${location.hash}`);
});

document.querySelector('#open-chat').addEventListener('click', () => {
  customElements.whenDefined('portico-chat').then(() => stage.querySelector('portico-chat').open());
});

fromAddress();
