// The shop decides where a notification leads: its own pages, with the portal's elements on them.
document.addEventListener('portico-notification-select', (event) => {
  const { subject, number } = event.notification;
  let to = null;
  if (subject.type === 'order' && number) to = `account.html#order=${encodeURIComponent(number)}`;
  else if (subject.type === 'invoice' || subject.type === 'payment') to = 'account.html#billing';
  else if (subject.type === 'ticket') to = `support.html#ticket=${encodeURIComponent(subject.id)}`;
  if (!to) return;
  const next = new URL(to, location.href);
  // Same page, other view: the elements follow the fragment without a reload.
  if (next.pathname === location.pathname) location.hash = next.hash;
  else location.href = next.href;
});
