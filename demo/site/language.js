// The shop's language switcher. Portico follows the page's `lang`: switching it here switches
// every Portico element on the page. The choice is kept for the next page; `?lang=fa` sets it too.
// It goes on <body> as well as <html>: a lang inside the page is the shop choosing the portal's
// language, which comes before a customer's saved language; <html lang> alone comes after it.
const LANGUAGES = ['en', 'de', 'lv', 'hr', 'el', 'fa'];
const RIGHT_TO_LEFT = new Set(['fa']);
const KEY = 'nordlicht-language';

function stored() {
  try {
    return localStorage.getItem(KEY);
  } catch {
    return null;
  }
}

function markBody(language) {
  if (document.body) document.body.lang = language;
  else {
    // This script runs in <head>; <body> is there once parsing ends, before Portico's module runs.
    document.addEventListener('readystatechange', () => markBody(language), { once: true });
  }
}

function apply(language) {
  document.documentElement.lang = language;
  document.documentElement.dir = RIGHT_TO_LEFT.has(language) ? 'rtl' : 'ltr';
  markBody(language);
  try {
    localStorage.setItem(KEY, language);
  } catch {
    // Private windows may refuse storage; the switch still works for this page.
  }
}

const asked = new URLSearchParams(location.search).get('lang') ?? stored();
if (asked && LANGUAGES.includes(asked)) apply(asked);

function nameOf(language) {
  const name = new Intl.DisplayNames([language], { type: 'language' }).of(language) ?? language;
  return name.charAt(0).toLocaleUpperCase(language) + name.slice(1);
}

function addSwitcher() {
  const header = document.querySelector('.site-header__inner');
  if (!header) return;
  const label = document.createElement('label');
  label.className = 'language';
  const text = document.createElement('span');
  text.className = 'visually-hidden';
  text.textContent = 'Language';
  const select = document.createElement('select');
  select.className = 'language__select';
  for (const language of LANGUAGES) {
    const option = new Option(nameOf(language), language, false, language === document.documentElement.lang);
    option.lang = language;
    select.append(option);
  }
  select.addEventListener('change', () => apply(select.value));
  label.append(text, select);
  header.append(label);
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', addSwitcher);
else addSwitcher();
