'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { FormError } from '@/app/_components/field';
import type { LinkedinPlan } from '@/lib/data/import/linkedin';
import { formatDate } from '@/lib/dates';
import { plural, upload } from './upload';

const STATUS_LABEL = { new: 'New', updated: 'Updated', unchanged: 'Already here' } as const;

/** Upload LinkedIn's Connections.csv, see what would change, then import it in one go. */
export function LinkedinImport({ workspaceId }: { workspaceId: string }) {
  const router = useRouter();
  const [file, setFile] = useState<File | null>(null);
  const [plan, setPlan] = useState<LinkedinPlan | null>(null);
  const [done, setDone] = useState<LinkedinPlan | null>(null);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState<'preview' | 'import' | null>(null);
  const url = (mode: string) => `/w/${workspaceId}/import/linkedin?mode=${mode}`;

  async function preview(event: FormEvent) {
    event.preventDefault();
    setError(undefined);
    setDone(null);
    setPlan(null);
    if (!file) return setError('Choose your Connections.csv file first.');
    setBusy('preview');
    const result = await upload<{ plan: LinkedinPlan }>(url('preview'), file);
    setBusy(null);
    if (result.ok) setPlan(result.data.plan);
    else setError(result.error);
  }

  async function confirm() {
    if (!file || !plan) return;
    setError(undefined);
    setBusy('import');
    const result = await upload<{ plan: LinkedinPlan }>(url('import'), file);
    setBusy(null);
    if (!result.ok) return setError(result.error);
    setDone(result.data.plan);
    setPlan(null);
    router.refresh();
  }

  const toWrite = plan ? plan.newCount + plan.updatedCount : 0;
  return (
    <div className="mt-4 space-y-4">
      <form onSubmit={preview} noValidate aria-label="LinkedIn connections" className="space-y-3">
        <div className="space-y-1">
          <label htmlFor="linkedin-file" className="block text-sm font-medium text-stone-800">
            Connections.csv
          </label>
          <input
            id="linkedin-file"
            name="file"
            type="file"
            accept=".csv,text/csv"
            aria-describedby="linkedin-file-hint"
            className="block w-full text-sm file:mr-3 file:rounded-lg file:border file:border-stone-300 file:bg-white file:px-3 file:py-2 file:font-semibold"
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setPlan(null);
              setDone(null);
              setError(undefined);
            }}
          />
          <p id="linkedin-file-hint" className="text-sm text-stone-600">
            On LinkedIn: Settings → Data privacy → Get a copy of your data → Connections. Up to 10 MB.
          </p>
        </div>
        <FormError message={error} />
        <button type="submit" className="btn-secondary" disabled={busy !== null}>
          {busy === 'preview' ? 'Reading the file…' : 'Preview import'}
        </button>
      </form>

      {plan ? (
        <section aria-labelledby="linkedin-preview-title" className="space-y-3 rounded-lg border border-stone-200 p-3 sm:p-4">
          <h3 id="linkedin-preview-title" className="font-semibold">
            Preview: nothing is saved yet
          </h3>
          <ul className="flex flex-wrap gap-x-6 gap-y-1 text-sm" aria-label="What the import will do">
            <li>
              <strong>{plan.newCount.toLocaleString('en-US')}</strong> new
            </li>
            <li>
              <strong>{plan.updatedCount.toLocaleString('en-US')}</strong> updated
            </li>
            <li>
              <strong>{plan.skippedCount.toLocaleString('en-US')}</strong> skipped
            </li>
          </ul>
          {plan.sample.length ? (
            <ul className="divide-y divide-stone-200 text-sm" aria-label="First rows">
              {plan.sample.map((row) => (
                <li key={row.line} className="flex flex-wrap items-baseline justify-between gap-x-3 py-1.5">
                  <span className="min-w-0 [overflow-wrap:anywhere]">
                    <span className="font-medium">{row.name}</span>
                    {row.role || row.company ? (
                      <span className="text-stone-600"> · {[row.role, row.company].filter(Boolean).join(', ')}</span>
                    ) : null}
                  </span>
                  <span className="text-stone-600">
                    {row.metOn ? `${formatDate(row.metOn)} · ` : ''}
                    {STATUS_LABEL[row.status]}
                  </span>
                </li>
              ))}
            </ul>
          ) : null}
          {plan.skipped.length ? (
            <details className="text-sm">
              <summary className="cursor-pointer font-medium">Why rows are skipped</summary>
              <ul className="mt-2 space-y-0.5 text-stone-700">
                {plan.skipped.map((s) => (
                  <li key={`${s.line}-${s.reason}`}>
                    Line {s.line}: {s.reason}
                  </li>
                ))}
              </ul>
            </details>
          ) : null}
          <button type="button" className="btn-primary" onClick={confirm} disabled={busy !== null || toWrite === 0}>
            {busy === 'import' ? `Importing ${plural(toWrite, 'row')}…` : toWrite === 0 ? 'Nothing new to import' : `Import ${plural(toWrite, 'contact')}`}
          </button>
        </section>
      ) : null}

      {done ? (
        <p role="status" className="rounded-lg border border-brand-100 bg-brand-50 px-3 py-2 text-sm text-brand-800">
          Imported: {plural(done.newCount, 'new contact')}, {plural(done.updatedCount, 'contact')} updated, {done.skippedCount.toLocaleString('en-US')}{' '}
          skipped.{' '}
          <Link href={`/w/${workspaceId}/contacts`} className="link">
            See your contacts
          </Link>
        </p>
      ) : null}
    </div>
  );
}
