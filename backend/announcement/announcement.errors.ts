/** Why an announcement request was refused; the keys travel as `data.reason`. */
export const AnnouncementError = {
  NOT_FOUND: 'There is no such announcement.',
  ACCOUNT_NOT_FOUND: 'Some of the chosen accounts do not exist. Choose them again from the list.',
  ENDS_BEFORE_START: 'The end must be after the start.',
} as const;
