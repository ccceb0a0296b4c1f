import { ContextProvider } from '@lit/context';
import { apiContext, sessionContext } from '../context.ts';
import type { PorticoApi } from './client.ts';

export interface Provision {
  /** Switches everything below the host to another backend's client and session. */
  use(api: PorticoApi): void;
  /** Stops providing; elements below ask the next provider up. */
  stop(): void;
}

/**
 * Makes `host` provide an API client and its session to every element below it, and keeps the
 * session context in step with the client's session store.
 */
export function providePortal(host: HTMLElement, initial: PorticoApi): Provision {
  let api = initial;
  const apiProvider = new ContextProvider(host, { context: apiContext, initialValue: api });
  const sessionProvider = new ContextProvider(host, {
    context: sessionContext,
    initialValue: api.session.state,
  });
  const onChange = () => sessionProvider.setValue(api.session.state);
  const follow = () => {
    api.session.addEventListener('change', onChange);
    if (api.session.state.status === 'unknown') void api.session.refresh();
  };
  // Consumers that subscribed to an outer provider before this one existed move to this one.
  apiProvider.hostConnected();
  sessionProvider.hostConnected();
  follow();
  return {
    use(next) {
      if (next === api) return;
      api.session.removeEventListener('change', onChange);
      api = next;
      apiProvider.setValue(api);
      sessionProvider.setValue(api.session.state);
      follow();
    },
    stop() {
      api.session.removeEventListener('change', onChange);
      for (const provider of [apiProvider, sessionProvider]) {
        host.removeEventListener('context-request', provider.onContextRequest);
        host.removeEventListener('context-provider', provider.onProviderRequest);
        provider.clearCallbacks();
      }
    },
  };
}
