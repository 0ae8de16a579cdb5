import { importVcards, previewVcardImport } from '@/lib/data/import/vcard';
import { parseVcards } from '@/lib/import/vcard';
import { contactSchema } from '@/lib/schemas/contact';
import { fail, readUpload, routeContext } from '../_lib/route-context';

const optionsSchema = contactSchema.pick({ channel: true, metOn: true });

/**
 * Previews (?mode=preview) or imports (?mode=import) a .vcf file of contact cards, sent as the
 * request body; ?channel= and ?metOn= say where and when these people were met, when known.
 */
export async function POST(request: Request, { params }: { params: Promise<{ workspaceId: string }> }) {
  const { workspaceId } = await params;
  const resolved = await routeContext(workspaceId, 'records.write');
  if (resolved instanceof Response) return resolved;
  const search = new URL(request.url).searchParams;
  const options = optionsSchema.safeParse({ channel: search.get('channel') ?? '', metOn: search.get('metOn') ?? '' });
  if (!options.success) return fail(422, options.error.issues[0]?.message ?? 'Check where and when you met them.');
  const body = await readUpload(request);
  if (body instanceof Response) return body;
  const parsed = parseVcards(body);
  if (!parsed.ok) return fail(422, parsed.error);
  if (parsed.cards.length === 0 && parsed.skipped.length === 0) return fail(422, 'The file holds no contact cards.');
  const imported = search.get('mode') === 'import';
  const plan = imported
    ? await importVcards(resolved.ctx, parsed.cards, parsed.skipped, options.data)
    : await previewVcardImport(resolved.ctx, parsed.cards, parsed.skipped, options.data);
  return Response.json({ ok: true, imported, plan }, { headers: { 'Cache-Control': 'private, no-store' } });
}
