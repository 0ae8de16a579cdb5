import { z } from 'zod';
import { errorResponse, jsonResponse, workspaceRoute } from '@/lib/action';
import { importCalendar, previewCalendarImport } from '@/lib/data/capture';
import { today } from '@/lib/dates';
import { MAX_OCCURRENCES, parseCalendar } from '@/lib/import/calendar';
import { plainForm } from '../_lib/plain-form';

/** The one-to-ones to log as informational interviews, by their place in the preview. */
const interviewsSchema = z
  .string()
  .max(20_000)
  .regex(/^(\d{1,5}(,\d{1,5})*)?$/)
  .transform((v) => (v ? v.split(',').map(Number) : []))
  .pipe(z.array(z.number().int().min(0).max(MAX_OCCURRENCES)).max(1000));

/**
 * Previews (?mode=preview) or imports (?mode=import) an .ics calendar file sent as the request
 * body: past meetings with contacts become meeting interactions; ?interviews= names the
 * one-to-ones with new people to log as informational interviews.
 */
export const POST = plainForm(
  'calendar',
  workspaceRoute({ permission: 'records.write', upload: true }, async ({ ctx, search, body }) => {
  const interviews = interviewsSchema.safeParse(search.get('interviews') ?? '');
  if (!interviews.success) return errorResponse(400, 'The list of interviews is not valid. Preview the file again.');
  const parsed = parseCalendar(body, { today: today() });
  if (!parsed.ok) return errorResponse(422, parsed.error);
  if (parsed.occurrences.length === 0) return errorResponse(422, 'The calendar holds no events.');
  const imported = search.get('mode') === 'import';
  const plan = imported
    ? await importCalendar(ctx, parsed.occurrences, parsed.owner, { interviews: interviews.data })
    : await previewCalendarImport(ctx, parsed.occurrences, parsed.owner);
  return jsonResponse({ ok: true, imported, plan });
}),
);
