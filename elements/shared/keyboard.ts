/**
 * A keydown listener for an inline form or "are you sure?" step: Escape does what its "keep"
 * or "cancel" button does (close it, focus back on what opened it). A field that used Escape
 * for itself first (a combobox closing its list) marks the event, and the form stays.
 */
export function onEscape(close: () => void): (event: KeyboardEvent) => void {
  return (event) => {
    if (event.key !== 'Escape' || event.defaultPrevented) return;
    event.preventDefault();
    close();
  };
}
