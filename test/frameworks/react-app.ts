import { createElement as h, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { BUTTONS, FIRST, NEXT, headers, type SignedInEvent } from './shop.ts';

/*
 * A small shop page in React 19, written with `createElement` so it needs no JSX step. React 19
 * passes a custom element's prop as a property when the element has that property, and as an
 * attribute otherwise (also while the element's code is still loading), and turns `on<event>`
 * props into listeners for events of that exact name.
 */

const header = headers('React');

function Shop() {
  const [user, setUser] = useState<string | null>(null);
  const [signIns, setSignIns] = useState(0);
  const [query, setQuery] = useState<string>(FIRST.query);
  const [pageSize, setPageSize] = useState<number>(FIRST.pageSize);
  const [position, setPosition] = useState<string>(FIRST.position);
  const [withoutSignUp, setWithoutSignUp] = useState<boolean>(FIRST.withoutSignUp);
  const [renders, setRenders] = useState(0);
  const [shown, setShown] = useState(true);

  const button = (id: string, label: string, onClick: () => void) =>
    h('button', { id, type: 'button', onClick }, label);

  return h(
    'main',
    null,
    h('p', { id: 'status' }, user ? `Signed in: ${user}` : 'Signed out'),
    h('p', { id: 'signed-in-count' }, String(signIns)),
    h('p', { id: 'renders' }, String(renders)),
    button(BUTTONS.nextQuery, 'Search for tracking', () => setQuery(NEXT.query)),
    button(BUTTONS.biggerPage, 'Show more products', () => setPageSize(NEXT.pageSize)),
    button(BUTTONS.chatStart, 'Chat on the other side', () => setPosition(NEXT.position)),
    button(BUTTONS.hideSignUp, 'Hide sign-up', () => setWithoutSignUp(NEXT.withoutSignUp)),
    button(BUTTONS.rerender, 'Render again', () => setRenders((count) => count + 1)),
    button(BUTTONS.toggle, shown ? 'Hide the portal' : 'Show the portal', () =>
      setShown((value) => !value),
    ),
    shown &&
      h(
        'section',
        { id: 'portal' },
        h(
          'portico-login',
          {
            id: 'login',
            'without-sign-up': withoutSignUp,
            'onportico-signed-in': (event: SignedInEvent) => {
              setUser(event.user.email);
              setSignIns((count) => count + 1);
            },
            'onportico-signed-out': () => setUser(null),
          },
          h('span', { slot: 'header' }, header.login),
        ),
        h('portico-help-search', { id: 'help', query }),
        h('portico-order-form', { id: 'shop', 'page-size': pageSize }),
        h('portico-chat', { id: 'chat', position }, h('span', { slot: 'header' }, header.chat)),
        h('portico-notifications', { id: 'bell' }),
      ),
  );
}

createRoot(document.getElementById('root')!).render(h(Shop));
