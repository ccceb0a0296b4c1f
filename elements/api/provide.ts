import { ContextProvider } from '@lit/context';
import { apiContext, sessionContext } from '../context.ts';
import type { PorticoApi } from './client.ts';

/**
 * Makes `host` provide an API client and its session to every element below it, and keeps the
 * session context in step with the store. Returns a function that stops providing.
 */
export function providePortal(host: HTMLElement, api: PorticoApi): () => void {
  const apiProvider = new ContextProvider(host, { context: apiContext, initialValue: api });
  const sessionProvider = new ContextProvider(host, {
    context: sessionContext,
    initialValue: api.session.state,
  });
  // Consumers that subscribed to an outer provider before this one existed move to this one.
  apiProvider.hostConnected();
  sessionProvider.hostConnected();
  const onChange = () => sessionProvider.setValue(api.session.state);
  api.session.addEventListener('change', onChange);
  if (api.session.state.status === 'unknown') void api.session.refresh();
  return () => {
    api.session.removeEventListener('change', onChange);
    host.removeEventListener('context-request', apiProvider.onContextRequest);
    host.removeEventListener('context-provider', apiProvider.onProviderRequest);
    host.removeEventListener('context-request', sessionProvider.onContextRequest);
    host.removeEventListener('context-provider', sessionProvider.onProviderRequest);
  };
}
