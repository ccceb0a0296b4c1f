/** Why a help centre request was refused, in words a reader or author can act on. */
export const HelpError = {
  NOT_FOUND: 'There is no such article in the help centre.',
  CATEGORY_NOT_FOUND: 'There is no such help category.',
  SLUG_TAKEN: 'Another article already uses this address. Choose a different one.',
  CATEGORY_SLUG_TAKEN: 'Another category already uses this address. Choose a different one.',
  NO_TRANSLATION: 'Write the article in at least one language before publishing it.',
  LAST_TRANSLATION:
    'A published article needs at least one language. Unpublish it first, or keep this one.',
  TRANSLATION_NOT_FOUND: 'This article has no text in that language.',
  CATEGORY_NOT_EMPTY: 'Move or delete the articles of this category first.',
} as const;
