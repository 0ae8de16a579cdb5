'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { Options, SelectField } from '@/app/_components/field';
import type { VcardPlan } from '@/lib/data/import/vcard';
import { CHANNELS } from '@/lib/payoff/channels';
import { vcardSummary } from './summaries';
import { plural } from './upload';
import { DoneNotice, PreviewPanel, UploadForm } from './upload-form';

type Answer = { plan: VcardPlan };

/** Upload a .vcf of one or many contact cards, see who is new and who is left out, then import them in one go. */
export function VcardImport({ workspaceId }: { workspaceId: string }) {
  const router = useRouter();
  return (
    <UploadForm<Answer, Answer>
      workspaceId={workspaceId}
      kind="vcard"
      label="Contact cards"
      file={{
        label: 'Contact cards (.vcf)',
        accept: '.vcf,.vcard,text/vcard,text/x-vcard',
        hint: 'One card or a whole address book, as phones and mail programs share or export them. Up to 10 MB.',
        missing: 'Choose a .vcf file first.',
      }}
      options={
        <div className="grid gap-3 sm:grid-cols-2">
          <SelectField id="vcard-channel" label="Where you met them (optional)" name="channel" defaultValue="">
            <option value="">Not known</option>
            <Options items={CHANNELS} value={(c) => c.key} label={(c) => c.name} />
          </SelectField>
          <div className="space-y-1">
            <label htmlFor="vcard-met-on" className="block text-sm font-medium text-stone-800">
              Met on (optional)
            </label>
            <input id="vcard-met-on" name="metOn" type="date" className="input" />
          </div>
        </div>
      }
      submit={['Preview cards', 'Reading the cards…']}
      plain="Import cards"
      renderPreview={({ plan }, { busy, confirm }) => (
        <PreviewPanel
          id="vcard"
          counts={[
            [plan.newCount, 'new'],
            [plan.skippedCount, 'left out'],
          ]}
          sample={
            plan.sample.length ? (
              <ul className="divide-y divide-stone-200 text-sm" aria-label="First cards">
                {plan.sample.map((row) => (
                  <li key={row.line} className="flex flex-wrap items-baseline justify-between gap-x-3 py-1.5">
                    <span className="min-w-0 [overflow-wrap:anywhere]">
                      <span className="font-medium">{row.name}</span>
                      {row.role || row.company || row.email ? (
                        <span className="text-stone-600"> · {[row.role, row.company, row.email].filter(Boolean).join(', ')}</span>
                      ) : null}
                    </span>
                    <span className="text-stone-600">{row.skipped ?? 'New'}</span>
                  </li>
                ))}
              </ul>
            ) : null
          }
          skipped={{
            title: 'Why cards are left out',
            items: plan.skipped.map((s) => (
              <li key={`${s.line}-${s.reason}`}>
                Card on line {s.line}: {s.reason}
              </li>
            )),
          }}
          action={
            <button type="button" className="btn-primary" onClick={() => confirm()} disabled={busy !== null || plan.newCount === 0}>
              {busy === 'import'
                ? `Importing ${plural(plan.newCount, 'card')}…`
                : plan.newCount === 0
                  ? 'Nothing new to import'
                  : `Import ${plural(plan.newCount, 'contact')}`}
            </button>
          }
        />
      )}
      renderDone={({ plan }) => (
        <DoneNotice>
          {vcardSummary(plan)}{' '}
          <Link href={`/w/${workspaceId}/contacts`} className="link">
            See your contacts
          </Link>
        </DoneNotice>
      )}
      onImported={() => router.refresh()}
    />
  );
}
