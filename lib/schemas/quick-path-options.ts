// Choices of the quick paths, apart from their zod schemas so pages can show them without the validator.

/** How someone reached out, in the order people meet them most. */
export const REACHED_OUT_KINDS = ['email', 'call', 'message', 'meeting'] as const;
export type ReachedOutKind = (typeof REACHED_OUT_KINDS)[number];

/** The quick paths of the log, each its own page and its own kind of record in the phone's outbox. */
export const QUICK_PATHS = {
  event: { label: 'Event or favor', path: '', hint: 'An evening out or a favor, and the people you met' },
  interview: { label: 'Informational interview', path: '/interview', hint: 'Who, what you learned, the thank-you' },
  'reached-out': { label: 'They reached out', path: '/reached-out', hint: 'Someone remembered you' },
  'org-time': { label: 'Time at an organization', path: '/org-time', hint: 'Hours for a club or association you belong to' },
  linkedin: { label: 'LinkedIn work', path: '/linkedin', hint: 'Messages, meetings arranged, connections' },
} as const;
export type QuickPathKind = keyof typeof QUICK_PATHS;
export const QUICK_PATH_KINDS = Object.keys(QUICK_PATHS) as QuickPathKind[];
