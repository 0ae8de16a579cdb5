'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { FormError } from '@/app/_components/field';
import type { VcardPlan } from '@/lib/data/import/vcard';
import { CHANNELS } from '@/lib/payoff/channels';
import { plural, upload } from './upload';

/** Upload a .vcf of one or many contact cards, see who is new and who is left out, then import them in one go. */
export function VcardImport({ workspaceId }: { workspaceId: string }) {
  const router = useRouter();
  const [file, setFile] = useState<File | null>(null);
  const [channel, setChannel] = useState('');
  const [metOn, setMetOn] = useState('');
  const [plan, setPlan] = useState<VcardPlan | null>(null);
  const [done, setDone] = useState<VcardPlan | null>(null);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState<'preview' | 'import' | null>(null);
  const url = (mode: string) =>
    `/w/${workspaceId}/import/vcard?mode=${mode}&channel=${encodeURIComponent(channel)}&metOn=${encodeURIComponent(metOn)}`;

  function reset() {
    setPlan(null);
    setDone(null);
    setError(undefined);
  }

  async function preview(event: FormEvent) {
    event.preventDefault();
    reset();
    if (!file) return setError('Choose a .vcf file first.');
    setBusy('preview');
    const result = await upload<{ plan: VcardPlan }>(url('preview'), file);
    setBusy(null);
    if (result.ok) setPlan(result.data.plan);
    else setError(result.error);
  }

  async function confirm() {
    if (!file || !plan) return;
    setError(undefined);
    setBusy('import');
    const result = await upload<{ plan: VcardPlan }>(url('import'), file);
    setBusy(null);
    if (!result.ok) return setError(result.error);
    setDone(result.data.plan);
    setPlan(null);
    router.refresh();
  }

  return (
    <div className="mt-4 space-y-4">
      <form onSubmit={preview} noValidate aria-label="Contact cards" className="space-y-3">
        <div className="space-y-1">
          <label htmlFor="vcard-file" className="block text-sm font-medium text-stone-800">
            Contact cards (.vcf)
          </label>
          <input
            id="vcard-file"
            name="file"
            type="file"
            accept=".vcf,.vcard,text/vcard,text/x-vcard"
            aria-describedby="vcard-file-hint"
            className="block w-full text-sm file:mr-3 file:rounded-lg file:border file:border-stone-300 file:bg-white file:px-3 file:py-2 file:font-semibold"
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              reset();
            }}
          />
          <p id="vcard-file-hint" className="text-sm text-stone-600">
            One card or a whole address book, as phones and mail programs share or export them. Up to 10 MB.
          </p>
        </div>
        <div className="grid gap-3 sm:grid-cols-2">
          <div className="space-y-1">
            <label htmlFor="vcard-channel" className="block text-sm font-medium text-stone-800">
              Where you met them (optional)
            </label>
            <select
              id="vcard-channel"
              className="input"
              value={channel}
              onChange={(e) => {
                setChannel(e.target.value);
                reset();
              }}
            >
              <option value="">Not known</option>
              {CHANNELS.map((c) => (
                <option key={c.key} value={c.key}>
                  {c.name}
                </option>
              ))}
            </select>
          </div>
          <div className="space-y-1">
            <label htmlFor="vcard-met-on" className="block text-sm font-medium text-stone-800">
              Met on (optional)
            </label>
            <input
              id="vcard-met-on"
              type="date"
              className="input"
              value={metOn}
              onChange={(e) => {
                setMetOn(e.target.value);
                reset();
              }}
            />
          </div>
        </div>
        <FormError message={error} />
        <button type="submit" className="btn-secondary" disabled={busy !== null}>
          {busy === 'preview' ? 'Reading the cards…' : 'Preview cards'}
        </button>
      </form>

      {plan ? (
        <section aria-labelledby="vcard-preview-title" className="space-y-3 rounded-lg border border-stone-200 p-3 sm:p-4">
          <h3 id="vcard-preview-title" className="font-semibold">
            Preview: nothing is saved yet
          </h3>
          <ul className="flex flex-wrap gap-x-6 gap-y-1 text-sm" aria-label="What the import will do">
            <li>
              <strong>{plan.newCount.toLocaleString('en-US')}</strong> new
            </li>
            <li>
              <strong>{plan.skippedCount.toLocaleString('en-US')}</strong> left out
            </li>
          </ul>
          {plan.sample.length ? (
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
          ) : null}
          {plan.skipped.length ? (
            <details className="text-sm">
              <summary className="cursor-pointer font-medium">Why cards are left out</summary>
              <ul className="mt-2 space-y-0.5 text-stone-700">
                {plan.skipped.map((s) => (
                  <li key={`${s.line}-${s.reason}`}>
                    Card on line {s.line}: {s.reason}
                  </li>
                ))}
              </ul>
            </details>
          ) : null}
          <button type="button" className="btn-primary" onClick={confirm} disabled={busy !== null || plan.newCount === 0}>
            {busy === 'import'
              ? `Importing ${plural(plan.newCount, 'card')}…`
              : plan.newCount === 0
                ? 'Nothing new to import'
                : `Import ${plural(plan.newCount, 'contact')}`}
          </button>
        </section>
      ) : null}

      {done ? (
        <p role="status" className="rounded-lg border border-brand-100 bg-brand-50 px-3 py-2 text-sm text-brand-800">
          Imported: {plural(done.newCount, 'new contact')}, {done.skippedCount.toLocaleString('en-US')} left out.{' '}
          <Link href={`/w/${workspaceId}/contacts`} className="link">
            See your contacts
          </Link>
        </p>
      ) : null}
    </div>
  );
}
