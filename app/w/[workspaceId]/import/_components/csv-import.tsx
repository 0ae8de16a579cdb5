'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Options, SelectField } from '@/app/_components/field';
import type { CsvCheck, CsvImportResult } from '@/lib/data/import/csv';
import { ENTITY_LABELS, IMPORT_ENTITIES, IMPORT_FIELDS, type ImportEntity, type Mapping } from '@/lib/import/fields';
import { csvSummary } from './summaries';
import { plural } from './upload';
import { UploadForm, type UploadControls } from './upload-form';

interface Answer<R> {
  header: string[];
  mapping: Mapping;
  problems: string[];
  result: R;
}

const mapQuery = (map: Mapping) => ({ map: map.map((k) => k ?? '').join(',') });

/** Upload a spreadsheet, map its columns, check every row, then import the valid ones. */
export function CsvImport({ workspaceId }: { workspaceId: string }) {
  const router = useRouter();
  const [entity, setEntity] = useState<ImportEntity>('contacts');
  return (
    <UploadForm<Answer<CsvCheck>, Answer<CsvImportResult>>
      workspaceId={workspaceId}
      kind="csv"
      label="Spreadsheet import"
      file={{
        label: 'CSV file',
        accept: '.csv,text/csv',
        hint: 'UTF-8 CSV with a header row, up to 10 MB and 50,000 rows. Dates as 2024-03-12 or 12 Mar 2024.',
        missing: 'Choose a CSV file first.',
      }}
      options={
        <SelectField id="csv-entity" label="The file holds" name="entity" value={entity} onChange={(e) => setEntity(e.target.value as ImportEntity)}>
          <Options items={IMPORT_ENTITIES} label={(e) => ENTITY_LABELS[e]} />
        </SelectField>
      }
      submit={['Preview import', 'Checking rows…']}
      plain="Import rows"
      renderPreview={(answer, controls) => <CsvPreview answer={answer} entity={entity} controls={controls} />}
      renderDone={({ result }) => (
        <div role="status" className="space-y-2 rounded-lg border border-brand-100 bg-brand-50 px-3 py-2 text-sm text-brand-800">
          <p>
            {csvSummary(result)}{' '}
            <Link href={`/w/${workspaceId}/${entity}`} className="link">
              See your {ENTITY_LABELS[entity].toLowerCase()}
            </Link>
          </p>
          {result.problems.length ? (
            <ul className="space-y-0.5 text-stone-800">
              {result.problems.map((p) => (
                <li key={p.line}>
                  Line {p.line}: {p.errors.join('; ')}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      )}
      onImported={() => router.refresh()}
    />
  );
}

/** The columns to match and the first rows checked against them. */
function CsvPreview({ answer, entity, controls: { busy, preview, confirm } }: { answer: Answer<CsvCheck>; entity: ImportEntity; controls: UploadControls }) {
  const [mapping, setMapping] = useState<Mapping>(answer.mapping);
  const fields = IMPORT_FIELDS[entity];
  const dirty = mapping.some((m, i) => m !== answer.mapping[i]);
  const valid = !dirty && answer.problems.length === 0 ? answer.result.validCount : 0;
  const { header, result } = answer;
  return (
    <section aria-labelledby="csv-preview-title" className="space-y-4 rounded-lg border border-stone-200 p-3 sm:p-4">
      <h3 id="csv-preview-title" className="font-semibold">
        Match the columns: nothing is saved yet
      </h3>
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
        {header.map((h, i) => (
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
              <Options items={fields} value={(f) => f.key} label={(f) => f.label} />
            </select>
          </div>
        ))}
      </div>
      {dirty ? (
        <button type="button" className="btn-secondary" onClick={() => preview(mapQuery(mapping))} disabled={busy !== null}>
          {busy === 'preview' ? 'Checking rows…' : 'Check again with these columns'}
        </button>
      ) : null}
      {answer.problems.length ? (
        <ul role="alert" className="list-disc space-y-1 rounded-lg border border-amber-300 bg-amber-50 py-2 pl-8 pr-3 text-sm text-amber-900">
          {answer.problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      ) : (
        <p className="text-sm">
          <strong>{result.validCount.toLocaleString('en-US')}</strong> of {plural(result.total, 'row')} can be imported
          {result.duplicateCount ? `; ${plural(result.duplicateCount, 'row')} already here will be left out` : ''}
          {result.invalidCount ? `; ${plural(result.invalidCount, 'row')} ${result.invalidCount === 1 ? 'needs' : 'need'} fixing and will be left out` : ''}.
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
              {header.map((h, i) => (
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
            {result.sample.map((row) => (
              <tr key={row.line} className={row.errors.length ? 'bg-red-50' : undefined}>
                <td className="px-2 py-1.5 tabular-nums">{row.line}</td>
                {header.map((_, i) => (
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
      {result.problems.length > 0 ? (
        <details className="text-sm">
          <summary className="cursor-pointer font-medium">All rows that need fixing</summary>
          <ul className="mt-2 space-y-0.5 text-stone-700">
            {result.problems.map((p) => (
              <li key={p.line}>
                Line {p.line}: {p.errors.join('; ')}
              </li>
            ))}
            {result.invalidCount > result.problems.length ? <li>…and {plural(result.invalidCount - result.problems.length, 'more row')}.</li> : null}
          </ul>
        </details>
      ) : null}
      <button type="button" className="btn-primary" onClick={() => confirm(mapQuery(mapping))} disabled={busy !== null || valid === 0}>
        {busy === 'import' ? `Importing ${plural(valid, 'row')}…` : `Import ${plural(valid, 'row')}`}
      </button>
    </section>
  );
}
