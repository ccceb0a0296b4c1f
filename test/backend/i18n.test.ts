import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { TRPCError } from '@trpc/server';
import { sourceCatalogues, type CatalogueName } from '../../backend/i18n/catalogues.ts';
import {
  acceptedLocale,
  endSide,
  LOCALES,
  startSide,
  type Locale,
} from '../../backend/i18n/locale.ts';
import { catalogue, fill, translator } from '../../backend/i18n/translate.ts';
import { errorMessage, sentenceIn } from '../../backend/i18n/refusal.ts';
import { catalogueError, Refusal, ServerError } from '../../backend/errors.ts';
import { tooManyAttempts } from '../../backend/rate-limit.ts';
import { FileError } from '../../backend/file/file.errors.ts';
import { inspectUpload } from '../../backend/file/file.inspect.ts';
import { formatMoney, minorDigits, plainAmount } from '../../backend/i18n/format.ts';
import { fillHtml, mailWords } from '../../backend/mail/mail.words.ts';
import { png } from '../support/files.ts';

const TRANSLATED = LOCALES.filter((locale) => locale !== 'en');
const source = sourceCatalogues() as Record<CatalogueName, Record<string, string>>;
const names = Object.keys(source) as CatalogueName[];
const sentences = (locale: Locale, name: CatalogueName) =>
  catalogue(locale, name) as Record<string, string>;
/** Sentences that are right when left as in English: a subject made only of placeholders. */
const SAME_AS_ENGLISH = new Set(['*:NotificationMail.SUBJECT']);

/** Catalogues of `*.errors.ts` files that only staff or machines read, left in English. */
const ENGLISH_ONLY = new Set([
  'AnnouncementError',
  'CustomerError',
  'InboundError',
  'ReportError',
  'SettingsError',
  'WebhookError',
  // Shown next to a cart line as data, not as a refusal; the cart element words it itself.
  'LineProblem',
]);

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('server languages: the catalogues', () => {
  it('has every key of every English catalogue in every language, and no other', () => {
    for (const locale of TRANSLATED) {
      for (const name of names) {
        const translated = sentences(locale, name);
        assert.ok(translated, `${locale}: no ${name}`);
        assert.deepEqual(
          Object.keys(translated).sort(),
          Object.keys(source[name]).sort(),
          `${locale}: keys of ${name}`,
        );
        for (const [key, text] of Object.entries(translated)) {
          assert.ok(typeof text === 'string' && text.trim(), `${locale}: ${name}.${key} empty`);
        }
      }
    }
  });

  it('keeps exactly the placeholders of the English sentence, in any order', () => {
    for (const locale of TRANSLATED) {
      for (const name of names) {
        for (const [key, english] of Object.entries(source[name])) {
          assert.deepEqual(
            placeholders(sentences(locale, name)[key]!),
            placeholders(english),
            `${locale}: ${name}.${key}`,
          );
        }
      }
    }
  });

  it('translates every sentence but the few that are right in English', () => {
    const same: string[] = [];
    for (const locale of TRANSLATED) {
      for (const name of names) {
        for (const [key, english] of Object.entries(source[name])) {
          const id = `${name}.${key}`;
          if (SAME_AS_ENGLISH.has(`*:${id}`) || SAME_AS_ENGLISH.has(`${locale}:${id}`)) continue;
          if (sentences(locale, name)[key] === english) same.push(`${locale}:${id}`);
        }
      }
    }
    assert.deepEqual(same, []);
  });

  it('writes Persian with Persian letters and punctuation', () => {
    for (const name of names) {
      for (const [key, text] of Object.entries(sentences('fa', name))) {
        const words = text.replace(/\{\w+\}/g, '');
        assert.doesNotMatch(words, /[\u064A\u0643]/, `fa: ${name}.${key} has Arabic yeh or kaf`);
        assert.doesNotMatch(words, /[,;?]/, `fa: ${name}.${key} has Latin punctuation`);
        assert.doesNotMatch(words, /[0-9]/, `fa: ${name}.${key} has Latin digits`);
      }
    }
  });

  it('knows every catalogue a customer can be refused from', async () => {
    const registered = new Set<object>(Object.values(source));
    const root = new URL('../../backend/', import.meta.url);
    const unknown: string[] = [];
    for (const folder of await readdir(root, { withFileTypes: true })) {
      if (!folder.isDirectory()) continue;
      for (const file of await readdir(new URL(`${folder.name}/`, root))) {
        if (!file.endsWith('.errors.ts')) continue;
        const module = (await import(new URL(`${folder.name}/${file}`, root).href)) as Record<
          string,
          unknown
        >;
        for (const [name, value] of Object.entries(module)) {
          if (typeof value !== 'object' || value === null) continue;
          if (!registered.has(value) && !ENGLISH_ONLY.has(name)) unknown.push(`${file}: ${name}`);
        }
      }
    }
    assert.deepEqual(unknown, [], 'register these in backend/i18n/catalogues.ts');
  });

  it('says how long to wait in the reader’s own plural forms', () => {
    const wait = (seconds: number) => tooManyAttempts(seconds).cause as Refusal;
    assert.equal(wait(30).message, 'Too many attempts. Try again in 30 seconds.');
    assert.equal(wait(30).reason, 'RATE_LIMITED');
    assert.equal(
      errorMessage('de', tooManyAttempts(30), 'other'),
      'Zu viele Versuche. Versuchen Sie es in 30 Sekunden erneut.',
    );
    assert.equal(
      errorMessage('de', tooManyAttempts(1), 'other'),
      'Zu viele Versuche. Versuchen Sie es in 1 Sekunde erneut.',
    );
    assert.equal(
      errorMessage('hr', tooManyAttempts(2), 'other'),
      'Previše pokušaja. Pokušajte ponovno za 2 sekunde.',
    );
    assert.match(errorMessage('fa', tooManyAttempts(30), 'other'), /۳۰/);
  });

  it('takes the first supported language of an Accept-Language header, by quality', () => {
    assert.equal(acceptedLocale('de-AT, fa;q=0.8'), 'de');
    assert.equal(acceptedLocale('fa;q=0.5, el;q=0.9'), 'el');
    assert.equal(acceptedLocale('xx, HR;q=0.4'), 'hr');
    assert.equal(acceptedLocale('de;q=0, lv'), 'lv');
    assert.equal(acceptedLocale('fa_IR'), 'fa');
    // A malformed or out-of-range quality drops its range instead of counting as q=1.
    assert.equal(acceptedLocale('fa;q=abc, de;q=0.1'), 'de');
    assert.equal(acceptedLocale('fa;q=, de;q=0.1'), 'de');
    assert.equal(acceptedLocale('fa;q=-1, de;q=0.1'), 'de');
    assert.equal(acceptedLocale('fa;q=2, de;q=0.1'), 'de');
    assert.equal(acceptedLocale('fa;q=1.000, de;q=0.999'), 'fa');
    assert.equal(acceptedLocale('*'), null);
    assert.equal(acceptedLocale('pt-BR, es'), null);
    assert.equal(acceptedLocale(''), null);
    assert.equal(acceptedLocale(null), null);
  });
});

/** Every `.ts` file of the server but the translations, with its text. */
async function backendSources(): Promise<{ path: string; text: string }[]> {
  const root = new URL('../../backend/', import.meta.url);
  const paths = (await readdir(root, { recursive: true })).filter(
    (path) => path.endsWith('.ts') && !path.startsWith('i18n/locales/'),
  );
  return Promise.all(
    paths.map(async (path) => ({ path, text: await readFile(new URL(path, root), 'utf8') })),
  );
}

describe('server languages: sentences by key', () => {
  it('translates an access rule by its key, with no reason for clients to act on', () => {
    const error = catalogueError('FORBIDDEN', ServerError, 'STAFF_ONLY');
    assert.equal(error.code, 'FORBIDDEN');
    assert.equal(error.message, ServerError.STAFF_ONLY);
    assert.ok(!(error.cause instanceof Refusal), 'not a domain refusal: data.reason stays null');
    assert.equal(errorMessage('el', error, 'other'), sentences('el', 'ServerError').STAFF_ONLY);
    // The English of a sentence is never looked up as text: without its key it stays English.
    const bare = new TRPCError({ code: 'FORBIDDEN', message: ServerError.STAFF_ONLY });
    assert.equal(errorMessage('el', bare, 'other'), ServerError.STAFF_ONLY);
  });

  it('throws no bare TRPCError with a sentence of its own: each goes by its catalogue key', async () => {
    // `errors.ts` is where `refuse` and `catalogueError` build theirs.
    const bare = (await backendSources()).filter(
      ({ path, text }) => path !== 'errors.ts' && /new TRPCError\(\{[^}]*\bmessage\s*:/s.test(text),
    );
    assert.deepEqual(
      bare.map(({ path }) => path),
      [],
      'use refuse() or catalogueError() so the sentence is translated by key',
    );
  });

  it('keeps each sentence in its catalogue only, never repeated as text in the code', async () => {
    // What is left of the code once every catalogue entry (`KEY: 'sentence'`) is taken out.
    const code = (await backendSources()).map(({ text }) =>
      text.replace(/\b[A-Z][A-Z0-9_]*:\s*'(?:[^'\\\n]|\\.)*'/g, ''),
    );
    const repeated = names
      .flatMap((name) => Object.values(source[name]))
      // Whole sentences only; a label such as "Total" may well appear in code for other reasons.
      .filter((text) => /^[^{}]* [^{}]*\.$/.test(text))
      .filter((text) => code.some((rest) => rest.includes(text)));
    assert.deepEqual(repeated, [], 'refer to the catalogue (ServerError.X) instead');
  });

  it('writes a refused file’s sentence in the reader’s language, the kind of file too', async () => {
    const inspected = await inspectUpload(png(), 'invoice.pdf');
    assert.ok(!inspected.ok && inspected.reason === 'NAME_MISMATCH');
    const english = sentenceIn('en', FileError, inspected.reason, inspected.values);
    assert.equal(
      english,
      '“invoice.pdf” is named as .pdf but its content is a PNG image. Rename it to .png or save it again.',
    );
    const german = sentenceIn('de', FileError, inspected.reason, inspected.values);
    assert.equal(
      german,
      fill(sentences('de', 'FileError').NAME_MISMATCH!, {
        name: 'invoice.pdf',
        extension: 'pdf',
        kind: sentences('de', 'FileKind').PNG!,
        expected: 'png',
      }),
    );
    assert.match(german, /PNG-Bild/);
  });

  it('writes numbers in a sentence in the reader’s digits', () => {
    assert.match(translator('fa', 'FileError')('DAILY_LIMIT', { count: 50 }), /۵۰/);
    assert.doesNotMatch(translator('fa', 'FileError')('DAILY_LIMIT', { count: 50 }), /50/);
    assert.match(mailWords('fa', 'FileError').html('DAILY_LIMIT', { count: 50 }), /<bdi>۵۰<\/bdi>/);
    assert.equal(fill('{count} files', { count: 1250 }, 'de'), '1.250 files');
  });

  it('escapes every value of a mail sentence and isolates it in <bdi>', () => {
    assert.equal(
      fillHtml('Hello {name} & welcome,', { name: `<b>&"'` }),
      'Hello <bdi>&#60;b&#62;&#38;&#34;&#39;</bdi> &#38; welcome,',
    );
  });

  it('knows the reading sides and each currency’s minor units in one place', () => {
    assert.deepEqual([startSide('fa'), endSide('fa')], ['right', 'left']);
    assert.deepEqual([startSide('de'), endSide('de')], ['left', 'right']);
    assert.equal(minorDigits('EUR'), 2);
    assert.equal(minorDigits('JPY'), 0);
    assert.equal(plainAmount(6488, 'EUR'), '64.88');
    assert.equal(plainAmount(-500, 'EUR'), '-5.00');
    assert.equal(plainAmount(500, 'JPY'), '500');
    assert.equal(formatMoney('de', 2450, 'EUR'), '24,50\u00a0€');
  });
});
