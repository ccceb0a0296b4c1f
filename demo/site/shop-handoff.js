// The shop's side of the sign-in hand-off: ask the shop's server for a token naming the
// customer who is signed in here, give it to the portal, and show the portal signed in.
const button = document.getElementById('shop-handoff');
const status = document.getElementById('shop-handoff-status');
const portal = new URL(document.querySelector('script[src$="/portico.js"]').src).origin;

button?.addEventListener('click', async () => {
  button.disabled = true;
  status.textContent = 'Opening your portal account…';
  try {
    const { token } = await (await fetch('/shop/handoff-token', { method: 'POST' })).json();
    const response = await fetch(`${portal}/api/auth/handoff`, {
      method: 'POST',
      credentials: 'include',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token }),
    });
    if (response.ok) {
      location.reload();
      return;
    }
    status.textContent = (await response.json()).message;
  } catch {
    status.textContent = 'The portal could not be reached. Try again in a moment.';
  }
  button.disabled = false;
});
