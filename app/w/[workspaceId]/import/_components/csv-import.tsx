'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { FormError } from '@/app/_components/field';
import type { CsvCheck, CsvImportResult } from '@/lib/data/import/csv';
import { ENTITY_LABELS, IMPORT_ENTITIES, IMPORT_FIELDS, type ImportEntity, type Mapping } from '@/lib/import/fields';
import { plural, upload } from './upload';

interface Answer<R> {
  header: string[];
  mapping: Mapping;
  problems: string[];
  result: R;
}

/** Upload a spreadsheet, map its columns, check every row, then import the valid ones. */
export function CsvImport({ workspaceId }: { workspaceId: string }) {
  const router = useRouter();
  const [entity, setEntity] = useState<ImportEntity>('contacts');
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<Answer<CsvCheck> | null>(null);
  const [mapping, setMapping] = useState<Mapping>([]);
  const [done, setDone] = useState<CsvImportResult | null>(null);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState<'preview' | 'import' | null>(null);

  const url = (mode: string, map?: Mapping) =>
    `/w/${workspaceId}/import/csv?entity=${entity}&mode=${mode}${map ? `&map=${encodeURIComponent(map.map((k) => k ?? '').join(','))}` : ''}`;

  function reset() {
    setPreview(null);
    setDone(null);
    setError(undefined);
  }

  async function check(event?: FormEvent, map?: Mapping) {
    event?.preventDefault();
    setError(undefined);
    setDone(null);
    if (!file) return setError('Choose a CSV file first.');
    setBusy('preview');
    const result = await upload<Answer<CsvCheck>>(url('preview', map), file);
    setBusy(null);
    if (!result.ok) {
      setPreview(null);
      return setError(result.error);
    }
    setPreview(result.data);
    setMapping(result.data.mapping);
  }

  async function runImport() {
    if (!file || !preview) return;
    setError(undefined);
    setBusy('import');
    const result = await upload<Answer<CsvImportResult>>(url('import', mapping), file);
    setBusy(null);
    if (!result.ok) return setError(result.error);
    setDone(result.data.result);
    setPreview(null);
    router.refresh();
  }

  const fields = IMPORT_FIELDS[entity];
  const dirty = preview ? mapping.some((m, i) => m !== preview.mapping[i]) : false;
  const valid = preview && !dirty && preview.problems.length === 0 ? preview.result.validCount : 0;

  return (
    <div className="mt-4 space-y-4">
      <form onSubmit={(e) => check(e)} noValidate aria-label="Spreadsheet import" className="space-y-3">
        <div className="grid gap-3 sm:grid-cols-2">
          <div className="space-y-1">
            <label htmlFor="csv-entity" className="block text-sm font-medium text-stone-800">
              The file holds
            </label>
            <select
              id="csv-entity"
              className="input"
              value={entity}
              onChange={(e) => {
                setEntity(e.target.value as ImportEntity);
                reset();
              }}
            >
              {IMPORT_ENTITIES.map((e) => (
                <option key={e} value={e}>
                  {ENTITY_LABELS[e]}
                </option>
              ))}
            </select>
          </div>
          <div className="space-y-1">
            <label htmlFor="csv-file" className="block text-sm font-medium text-stone-800">
              CSV file
            </label>
            <input
              id="csv-file"
              type="file"
              accept=".csv,text/csv"
              aria-describedby="csv-file-hint"
              className="block w-full text-sm file:mr-3 file:rounded-lg file:border file:border-stone-300 file:bg-white file:px-3 file:py-2 file:font-semibold"
              onChange={(e) => {
                setFile(e.target.files?.[0] ?? null);
                reset();
              }}
            />
          </div>
        </div>
        <p id="csv-file-hint" className="text-sm text-stone-600">
          UTF-8 CSV with a header row, up to 10 MB and 50,000 rows. Dates as 2024-03-12 or 12 Mar 2024.
        </p>
        <FormError message={error} />
        <button type="submit" className="btn-secondary" disabled={busy !== null}>
          {busy === 'preview' ? 'Checking rows…' : 'Preview import'}
        </button>
      </form>

      {preview ? (
        <section aria-labelledby="csv-preview-title" className="space-y-4 rounded-lg border border-stone-200 p-3 sm:p-4">
          <h3 id="csv-preview-title" className="font-semibold">
            Match the columns: nothing is saved yet
          </h3>
          <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
            {preview.header.map((h, i) => (
              <div key={i} className="space-y-1">
                <label htmlFor={`map-${i}`} className="block text-sm font-medium text-stone-800 [overflow-wrap:anywhere]">
                  Column “{h || `#${i + 1}`}”
                </label>
                <select
                  id={`map-${i}`}
                  className="input"
                  value={mapping[i] ?? ''}
                  onChange={(e) => setMapping(mapping.map((m, j) => (j === i ? e.target.value || null : m)))}
                >
                  <option value="">Don’t import</option>
                  {fields.map((f) => (
                    <option key={f.key} value={f.key}>
                      {f.label}
                    </option>
                  ))}
                </select>
              </div>
            ))}
          </div>
          {dirty ? (
            <button type="button" className="btn-secondary" onClick={() => check(undefined, mapping)} disabled={busy !== null}>
              {busy === 'preview' ? 'Checking rows…' : 'Check again with these columns'}
            </button>
          ) : null}
          {preview.problems.length ? (
            <ul role="alert" className="list-disc space-y-1 rounded-lg border border-amber-300 bg-amber-50 py-2 pl-8 pr-3 text-sm text-amber-900">
              {preview.problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          ) : (
            <p className="text-sm">
              <strong>{preview.result.validCount.toLocaleString('en-US')}</strong> of {plural(preview.result.total, 'row')} can be imported
              {preview.result.duplicateCount ? `; ${plural(preview.result.duplicateCount, 'row')} already here will be left out` : ''}
              {preview.result.invalidCount
                ? `; ${plural(preview.result.invalidCount, 'row')} ${preview.result.invalidCount === 1 ? 'needs' : 'need'} fixing and will be left out`
                : ''}.
            </p>
          )}
          <div className="max-h-96 overflow-auto rounded-lg border border-stone-200">
            <table className="min-w-full text-left text-sm">
              <caption className="sr-only">First rows of the file</caption>
              <thead className="sticky top-0 bg-stone-100">
                <tr>
                  <th scope="col" className="px-2 py-1.5">
                    Line
                  </th>
                  {preview.header.map((h, i) => (
                    <th key={i} scope="col" className="whitespace-nowrap px-2 py-1.5">
                      {h}
                    </th>
                  ))}
                  <th scope="col" className="px-2 py-1.5">
                    Check
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-stone-200">
                {preview.result.sample.map((row) => (
                  <tr key={row.line} className={row.errors.length ? 'bg-red-50' : undefined}>
                    <td className="px-2 py-1.5 tabular-nums">{row.line}</td>
                    {preview.header.map((_, i) => (
                      <td key={i} className="max-w-48 truncate px-2 py-1.5" title={row.cells[i]}>
                        {row.cells[i]}
                      </td>
                    ))}
                    <td className="min-w-48 px-2 py-1.5">
                      {row.errors.length ? (
                        <span className="text-red-800">{row.errors.join('; ')}</span>
                      ) : row.skipped ? (
                        <span className="text-stone-600">{row.skipped}</span>
                      ) : (
                        'OK'
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {preview.result.problems.length > 0 ? (
            <details className="text-sm">
              <summary className="cursor-pointer font-medium">All rows that need fixing</summary>
              <ul className="mt-2 space-y-0.5 text-stone-700">
                {preview.result.problems.map((p) => (
                  <li key={p.line}>
                    Line {p.line}: {p.errors.join('; ')}
                  </li>
                ))}
                {preview.result.invalidCount > preview.result.problems.length ? (
                  <li>…and {plural(preview.result.invalidCount - preview.result.problems.length, 'more row')}.</li>
                ) : null}
              </ul>
            </details>
          ) : null}
          <button type="button" className="btn-primary" onClick={runImport} disabled={busy !== null || valid === 0}>
            {busy === 'import' ? `Importing ${plural(valid, 'row')}…` : `Import ${plural(valid, 'row')}`}
          </button>
        </section>
      ) : null}

      {done ? (
        <div role="status" className="space-y-2 rounded-lg border border-brand-100 bg-brand-50 px-3 py-2 text-sm text-brand-800">
          <p>
            Imported {plural(done.imported, 'row')}
            {done.duplicateCount ? `; ${plural(done.duplicateCount, 'row')} already here, left out` : ''}
            {done.invalidCount ? `; ${plural(done.invalidCount, 'row')} left out` : ''}.{' '}
            <Link href={`/w/${workspaceId}/${entity}`} className="link">
              See your {ENTITY_LABELS[entity].toLowerCase()}
            </Link>
          </p>
          {done.problems.length ? (
            <ul className="space-y-0.5 text-stone-800">
              {done.problems.map((p) => (
                <li key={p.line}>
                  Line {p.line}: {p.errors.join('; ')}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
