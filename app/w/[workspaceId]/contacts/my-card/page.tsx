import type { Metadata } from 'next';
import encodeQR from 'qr';
import { CardSection, PageHeader } from '@/app/_components/page-header';
import { formatVcard } from '@/lib/import/vcard';
import { cardQuerySchema } from '@/lib/schemas/card';
import { workspacePage } from '@/app/w/[workspaceId]/_components/workspace-page';

export const metadata: Metadata = { title: 'My card' };

/** Your own contact card as a QR code, drawn on the server, for the person in front of you to scan. */
export default workspacePage(async ({ ctx: { user }, searchParams }) => {
  const extra = cardQuerySchema.parse(await searchParams);
  const card = formatVcard({ name: user.name, email: user.email, ...extra });
  const svg = encodeQR(card, 'svg', { ecc: 'medium', border: 2 });
  const src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  const summary = [user.name, extra.role, extra.company, user.email, extra.phone, extra.linkedinUrl].filter(Boolean).join(', ');
  return (
    <div className="max-w-xl space-y-6">
      <PageHeader title="Share my card" description="Let someone scan this with their phone's camera: your card goes straight into their contacts." />
      <CardSection id="qr" title="Your card" className="space-y-4">
        {/* eslint-disable-next-line @next/next/no-img-element -- a generated data URL, nothing to optimise */}
        <img src={src} alt={`QR code of your contact card: ${summary}`} width={288} height={288} className="mx-auto h-72 w-72 bg-white [image-rendering:pixelated]" />
        <p className="text-center text-sm text-stone-700 [overflow-wrap:anywhere]">{summary}</p>
      </CardSection>
      <form method="get" className="card space-y-3" aria-labelledby="card-extra-title">
        <h2 id="card-extra-title" className="text-lg font-semibold">
          Add to the card
        </h2>
        <p className="text-sm text-stone-600">Only for this code: nothing you add here is saved.</p>
        {(
          [
            ['role', 'Your role', 'text', extra.role],
            ['company', 'Company', 'text', extra.company],
            ['phone', 'Phone', 'tel', extra.phone],
            ['linkedinUrl', 'LinkedIn address', 'url', extra.linkedinUrl],
          ] as const
        ).map(([name, label, type, value]) => (
          <div key={name} className="space-y-1">
            <label htmlFor={`card-${name}`} className="block text-sm font-medium text-stone-800">
              {label}
            </label>
            <input id={`card-${name}`} name={name} type={type} defaultValue={value} maxLength={name === 'linkedinUrl' ? 300 : 120} className="input" />
          </div>
        ))}
        <button type="submit" className="btn-secondary">
          Update the code
        </button>
      </form>
    </div>
  );
});
