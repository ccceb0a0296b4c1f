/** The query parameter that tells `<portico-login>` what an emailed link came back for. */
const ACTION_PARAM = 'portico-action';

export type LinkAction = 'verified' | 'reset-password';

/** This page's address with an action marker, for links that come back by email. */
export function returnUrl(action: LinkAction): string {
  const url = new URL(location.href);
  url.searchParams.delete('token');
  url.searchParams.delete('error');
  url.searchParams.set(ACTION_PARAM, action);
  url.hash = '';
  return url.href;
}

/**
 * What a confirmation or password-reset link that brought the person back here says, or null.
 * Its parameters leave the address bar, so a reload or a bookmark does not use it again.
 */
export function takeReturnedLink(): {
  action: string;
  token: string | null;
  failed: boolean;
} | null {
  const url = new URL(location.href);
  const action = url.searchParams.get(ACTION_PARAM);
  if (!action) return null;
  const link = {
    action,
    token: url.searchParams.get('token'),
    failed: url.searchParams.has('error'),
  };
  for (const name of [ACTION_PARAM, 'token', 'error']) url.searchParams.delete(name);
  history.replaceState(history.state, '', url.href);
  return link;
}
