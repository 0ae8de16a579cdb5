'use client';

import { useRouter } from 'next/navigation';
import { Options, SelectField } from '@/app/_components/field';
import type { VcardPlan } from '@/lib/data/import/vcard';
import { CHANNELS } from '@/lib/payoff/channels';
import { vcardSummary } from './summaries';
import { plural } from './upload';
import { DoneNotice, ImportButton, PreviewPanel, SampleRows, UploadForm } from './upload-form';

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
            <SampleRows
              label="First cards"
              rows={plan.sample.map((row) => ({ line: row.line, name: row.name, details: [row.role, row.company, row.email], status: row.skipped ?? 'New' }))}
            />
          }
          skipped={{ title: 'Why cards are left out', lines: plan.skipped.map((s) => `Card on line ${s.line}: ${s.reason}`) }}
          action={
            <ImportButton busy={busy} count={plan.newCount} busyLabel={`Importing ${plural(plan.newCount, 'card')}…`} onClick={() => confirm()}>
              Import {plural(plan.newCount, 'contact')}
            </ImportButton>
          }
        />
      )}
      renderDone={({ plan }) => <DoneNotice link={{ href: `/w/${workspaceId}/contacts`, label: 'See your contacts' }}>{vcardSummary(plan)}</DoneNotice>}
      onImported={() => router.refresh()}
    />
  );
}
