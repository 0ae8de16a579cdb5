import { errorResponse, jsonResponse, workspaceRoute } from '@/lib/action';
import { importVcards, previewVcardImport } from '@/lib/data/import/vcard';
import { parseVcards } from '@/lib/import/vcard';
import { contactSchema } from '@/lib/schemas/contact';
import { plainForm } from '../_lib/plain-form';

const optionsSchema = contactSchema.pick({ channel: true, metOn: true });

/**
 * Previews (?mode=preview) or imports (?mode=import) a .vcf file of contact cards, sent as the
 * request body; ?channel= and ?metOn= say where and when these people were met, when known.
 */
export const POST = plainForm(
  'vcard',
  workspaceRoute({ permission: 'records.write', upload: true }, async ({ ctx, search, body }) => {
  const options = optionsSchema.safeParse({ channel: search.get('channel') ?? '', metOn: search.get('metOn') ?? '' });
  if (!options.success) return errorResponse(422, options.error.issues[0]?.message ?? 'Check where and when you met them.');
  const parsed = parseVcards(body);
  if (!parsed.ok) return errorResponse(422, parsed.error);
  if (parsed.cards.length === 0 && parsed.skipped.length === 0) return errorResponse(422, 'The file holds no contact cards.');
  const imported = search.get('mode') === 'import';
  const plan = imported
    ? await importVcards(ctx, parsed.cards, parsed.skipped, options.data)
    : await previewVcardImport(ctx, parsed.cards, parsed.skipped, options.data);
  return jsonResponse({ ok: true, imported, plan });
}),
);
