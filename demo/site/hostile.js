// hostile.html?clean: the same page without its theme and its right-to-left direction, as the
// reference the elements are compared with. Runs before the body is parsed, so nothing flashes.
if (new URLSearchParams(location.search).has('clean')) {
  document.getElementById('hostile-theme')?.remove();
  document.documentElement.removeAttribute('dir');
  document.addEventListener('DOMContentLoaded', () => {
    const link = document.querySelector('#theme-switch a');
    if (!link) return;
    link.href = 'hostile.html';
    link.textContent = 'See this page with its theme';
  });
}
