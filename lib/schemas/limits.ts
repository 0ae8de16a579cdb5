// Limits shown in forms, kept apart from the zod schemas so a form can show them without the validator.
export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;

/** Longest keep-in-touch cadence, in days (ten years). */
export const CADENCE_MAX = 3650;
/** The contact form's choice for "met through no recorded channel". */
export const CHANNEL_UNKNOWN = 'unknown';
/** Longest effort title, however the effort is logged (form, quick log, calendar import). */
export const EFFORT_TITLE_MAX = 120;
/** Longest coach note. */
export const COACH_NOTE_MAX = 5000;
export const CURRENCIES = ['USD', 'EUR', 'GBP', 'CAD', 'AUD', 'CHF', 'JPY', 'INR', 'SEK', 'NOK', 'DKK', 'NZD', 'BRL', 'MXN', 'ZAR', 'SGD', 'PLN'] as const;
