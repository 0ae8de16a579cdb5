import { z } from 'zod';
import { jsonResponse, workspaceRoute } from '@/lib/action';
import { listContactChoices } from '@/lib/data/opportunities';
import { NO_CONTROL_CHARS } from '@/lib/schemas/common';

const TYPE_MORE = 'Type at least two characters, up to 100.';
const choicesQuery = z.object({ q: z.string({ error: TYPE_MORE }).trim().min(2, TYPE_MORE).max(100, TYPE_MORE).regex(NO_CONTROL_CHARS, TYPE_MORE) });

/** Contacts whose name or company contains q, for pickers that list only the most recent ones. */
export const GET = workspaceRoute({ permission: 'workspace.read', query: choicesQuery }, async ({ ctx, query }) =>
  jsonResponse({ ok: true, choices: await listContactChoices(ctx, { q: query.q }) }),
);
