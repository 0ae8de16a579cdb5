import 'server-only';
import { randomUUID } from 'node:crypto';
import { cookies } from 'next/headers';
import { MAX_FILE_BYTES } from '@/lib/import/csv';
import { backupSummary, calendarSummary, csvSummary, linkedinSummary, vcardSummary } from '../_components/summaries';
import type { ImportKind } from '../_components/upload-form';

/** What the import page shows after a plain form post: the kind, whether it worked, and one line. */
export interface ImportOutcome {
  id: string;
  kind: ImportKind;
  ok: boolean;
  text: string;
}

const COOKIE = 'groundwork-import';
const MAX_TEXT = 1500;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each route's own JSON answer
const SUMMARIES: Record<ImportKind, (answer: any) => string> = {
  linkedin: (a) => linkedinSummary(a.plan),
  vcard: (a) => vcardSummary(a.plan),
  calendar: (a) => calendarSummary(a.plan),
  csv: (a) => (a.result ? csvSummary(a.result) : a.problems.join(' ')),
  workspace: (a) => `${backupSummary(a.refused)} ${a.refused.map((r: { record: string; reason: string }) => `${r.record}: ${r.reason}`).join('; ')}`,
};

type Route = (request: Request, context: { params: Promise<{ workspaceId: string }> }) => Promise<Response>;

/**
 * An import route that also takes the plain multipart form an import posts before its script has
 * run: the file and options are handed to the route as the script would send them, and the answer
 * is a redirect (303) back to the import page, which shows the outcome from a short-lived cookie.
 */
export function plainForm(kind: ImportKind, route: Route): Route {
  return async (request, context) => {
    if (!(request.headers.get('content-type') ?? '').startsWith('multipart/form-data')) return route(request, context);
    const { workspaceId } = await context.params;
    const back = (outcome: Omit<ImportOutcome, 'id' | 'kind'>) => answer(workspaceId, { ...outcome, id: randomUUID(), kind });
    const declared = Number(request.headers.get('content-length') ?? NaN);
    if (Number.isFinite(declared) && declared > MAX_FILE_BYTES + 64 * 1024) {
      return back({ ok: false, text: `The file is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB. Split it into smaller files and import them one by one.` });
    }
    const form = await request.formData().catch(() => null);
    const file = form?.get('file');
    if (!form || !(file instanceof File) || file.size === 0) return back({ ok: false, text: 'Choose a file first.' });
    const url = new URL(request.url);
    for (const [name, value] of form.entries()) if (typeof value === 'string') url.searchParams.set(name, value);
    const bytes = new Uint8Array(await file.arrayBuffer());
    const inner = new Request(url, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream', 'content-length': String(bytes.byteLength) },
      body: bytes,
    });
    const response = await route(inner, context);
    const body = (await response.json().catch(() => null)) as ({ ok?: boolean; error?: string; workspaceId?: string; refused?: unknown[] } & object) | null;
    if (!response.ok || !body?.ok) {
      return back({ ok: false, text: body?.error ?? 'Something went wrong on our side. Nothing was imported; try again in a moment.' });
    }
    // A restored workspace opens at once, unless some records were left out.
    if (kind === 'workspace' && body.workspaceId && body.refused?.length === 0) return redirect(`/w/${body.workspaceId}`);
    return back({ ok: true, text: SUMMARIES[kind](body) });
  };
}

function redirect(to: string, headers: Headers = new Headers()): Response {
  headers.set('Location', to);
  headers.set('Cache-Control', 'private, no-store');
  return new Response(null, { status: 303, headers });
}

function answer(workspaceId: string, outcome: ImportOutcome): Response {
  const page = `/w/${workspaceId}/import`;
  const value = Buffer.from(JSON.stringify({ ...outcome, text: outcome.text.slice(0, MAX_TEXT) })).toString('base64url');
  const headers = new Headers();
  headers.append('Set-Cookie', `${COOKIE}=${value}; Path=${page}; Max-Age=300; HttpOnly; SameSite=Lax`);
  return redirect(`${page}?outcome=${outcome.id}#${outcome.kind === 'workspace' ? 'backup' : outcome.kind}-title`, headers);
}

/** The outcome of the plain form post this page was sent back from, if the address names it. */
export async function importOutcome(id: string | undefined): Promise<ImportOutcome | null> {
  if (!id) return null;
  const raw = (await cookies()).get(COOKIE)?.value;
  if (!raw) return null;
  try {
    const outcome = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as ImportOutcome;
    return outcome.id === id && typeof outcome.text === 'string' ? outcome : null;
  } catch {
    return null;
  }
}
