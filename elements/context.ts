import { createContext } from '@lit/context';
import type { PorticoApi } from './api/client.ts';
import type { SessionState } from './api/session.ts';

/** The API client of the nearest `<portico-portal>`, or the page's. */
export const apiContext = createContext<PorticoApi>(Symbol('portico-api'));

/** Who is signed in; every element re-renders when it changes. */
export const sessionContext = createContext<SessionState>(Symbol('portico-session'));
