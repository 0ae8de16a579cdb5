'use client';

import Link from 'next/link';
import { useState, type FormEvent, type ReactNode } from 'react';
import { FormError } from '@/app/_components/field';
import { useHydrated } from '@/app/_components/use-hydrated';
import { upload } from './upload';

export type ImportKind = 'linkedin' | 'vcard' | 'calendar' | 'csv' | 'workspace';

export interface UploadControls {
  busy: 'preview' | 'import' | null;
  /** Sends the file again to be checked, with extra query values (a column mapping). */
  preview: (extra?: Record<string, string>) => Promise<void>;
  /** Sends the file to be imported. */
  confirm: (extra?: Record<string, string>) => Promise<void>;
}

const FILE_INPUT =
  'block w-full text-sm file:mr-3 file:rounded-lg file:border file:border-stone-300 file:bg-white file:px-3 file:py-2 file:font-semibold';

/**
 * One upload form for every import: a file, the kind's own options (named fields), a first step
 * that previews (or, with `oneStep`, imports), then the kind's preview and result.
 *
 * Before the script runs it is a plain multipart form posting to the kind's route, which imports at
 * once and comes back to the import page with the outcome; with the script the file is sent by
 * fetch and the preview comes first.
 */
export function UploadForm<Preview, Done>({
  workspaceId,
  kind,
  label,
  file,
  options,
  submit,
  plain,
  oneStep,
  renderPreview,
  renderDone,
  onImported,
}: {
  workspaceId: string;
  kind: ImportKind;
  /** The form's accessible name. */
  label: string;
  file: { label: string; accept: string; hint?: ReactNode; missing: string };
  /** Named inputs the route reads along with the file (where you met them, what the file holds). */
  options?: ReactNode;
  /** The first step's button, idle and busy. */
  submit: [string, string];
  /** The button before the script has run, when sending imports at once. */
  plain: string;
  oneStep?: boolean;
  renderPreview?: (answer: Preview, controls: UploadControls) => ReactNode;
  renderDone: (answer: Done) => ReactNode;
  onImported?: (answer: Done) => void;
}) {
  const hydrated = useHydrated();
  // The form element, to read the file and options from when a step is sent.
  const [formElement, setFormElement] = useState<HTMLFormElement | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [done, setDone] = useState<Done | null>(null);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState<UploadControls['busy']>(null);
  const route = `/w/${workspaceId}/import/${kind}`;

  /** The chosen file and the options as the query the route reads, or null with the reason shown. */
  function read(mode: 'preview' | 'import', extra: Record<string, string> = {}): { url: string; chosen: File } | null {
    const data = new FormData(formElement ?? undefined);
    const chosen = data.get('file');
    if (!(chosen instanceof File) || chosen.size === 0) {
      setError(file.missing);
      return null;
    }
    const query = new URLSearchParams();
    for (const [name, value] of data.entries()) if (typeof value === 'string' && name !== 'mode') query.set(name, value);
    query.set('mode', mode);
    for (const [name, value] of Object.entries(extra)) query.set(name, value);
    return { url: `${route}?${query}`, chosen };
  }

  async function send(mode: 'preview' | 'import', extra?: Record<string, string>) {
    setError(undefined);
    setDone(null);
    const request = read(mode, extra);
    if (!request) return;
    setBusy(mode);
    const result = await upload<Preview & Done>(request.url, request.chosen);
    setBusy(null);
    if (!result.ok) {
      if (mode === 'preview') setPreview(null);
      return setError(result.error);
    }
    if (mode === 'preview') return setPreview(result.data);
    setPreview(null);
    setDone(result.data);
    onImported?.(result.data);
  }

  const controls: UploadControls = { busy, preview: (extra) => send('preview', extra), confirm: (extra) => send('import', extra) };

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    setPreview(null);
    void send(oneStep ? 'import' : 'preview');
  }

  return (
    <div className="mt-4 space-y-4">
      <form
        ref={setFormElement}
        method="post"
        encType="multipart/form-data"
        action={route}
        onSubmit={onSubmit}
        // Any change of file or option makes the preview shown stale.
        onChange={() => {
          setPreview(null);
          setDone(null);
          setError(undefined);
        }}
        noValidate
        aria-label={label}
        className="space-y-3"
      >
        <input type="hidden" name="mode" value="import" />
        <div className="space-y-1">
          <label htmlFor={`${kind}-file`} className="block text-sm font-medium text-stone-800">
            {file.label}
          </label>
          <input
            id={`${kind}-file`}
            name="file"
            type="file"
            accept={file.accept}
            aria-describedby={file.hint ? `${kind}-file-hint` : undefined}
            className={FILE_INPUT}
          />
          {file.hint ? (
            <p id={`${kind}-file-hint`} className="text-sm text-stone-600">
              {file.hint}
            </p>
          ) : null}
        </div>
        {options}
        <FormError message={error} />
        <button type="submit" className="btn-secondary" disabled={busy !== null}>
          {!hydrated ? plain : busy === (oneStep ? 'import' : 'preview') ? submit[1] : submit[0]}
        </button>
      </form>
      {preview && renderPreview ? renderPreview(preview, controls) : null}
      {done ? renderDone(done) : null}
    </div>
  );
}

/** The preview of a contact import: what it will do, the first rows, why some are left out, and the button that imports. */
export function PreviewPanel({
  id,
  counts,
  sample,
  skipped,
  action,
}: {
  id: string;
  /** How many rows each outcome gets, e.g. [[3, 'new'], [1, 'left out']]. */
  counts: [number, string][];
  sample?: ReactNode;
  /** Why rows are left out, a line each. */
  skipped?: { title: string; lines: string[] };
  action: ReactNode;
}) {
  return (
    <section aria-labelledby={`${id}-preview-title`} className="space-y-3 rounded-lg border border-stone-200 p-3 sm:p-4">
      <h3 id={`${id}-preview-title`} className="font-semibold">
        Preview: nothing is saved yet
      </h3>
      <ul className="flex flex-wrap gap-x-6 gap-y-1 text-sm" aria-label="What the import will do">
        {counts.map(([n, what]) => (
          <li key={what}>
            <strong>{n.toLocaleString('en-US')}</strong> {what}
          </li>
        ))}
      </ul>
      {sample}
      {skipped && skipped.lines.length ? (
        <details className="text-sm">
          <summary className="cursor-pointer font-medium">{skipped.title}</summary>
          <ul className="mt-2 space-y-0.5 text-stone-700">
            {skipped.lines.map((line, i) => (
              <li key={i}>{line}</li>
            ))}
          </ul>
        </details>
      ) : null}
      {action}
    </section>
  );
}

/** The first people of a contact import: who, a few details, and what happens to each. */
export function SampleRows({
  label,
  rows,
}: {
  label: string;
  rows: { line: number; name: string; details: (string | null | undefined)[]; status: string }[];
}) {
  if (rows.length === 0) return null;
  return (
    <ul className="divide-y divide-stone-200 text-sm" aria-label={label}>
      {rows.map((row) => {
        const details = row.details.filter(Boolean).join(', ');
        return (
          <li key={row.line} className="flex flex-wrap items-baseline justify-between gap-x-3 py-1.5">
            <span className="min-w-0 [overflow-wrap:anywhere]">
              <span className="font-medium">{row.name}</span>
              {details ? <span className="text-stone-600"> · {details}</span> : null}
            </span>
            <span className="text-stone-600">{row.status}</span>
          </li>
        );
      })}
    </ul>
  );
}

/** The preview's import button: busy while importing, and not to be pressed when nothing is new. */
export function ImportButton({
  busy,
  count,
  busyLabel,
  onClick,
  children,
}: {
  busy: UploadControls['busy'];
  /** How many records it would write. */
  count: number;
  busyLabel: string;
  onClick: () => void;
  children: ReactNode;
}) {
  return (
    <button type="button" className="btn-primary" onClick={onClick} disabled={busy !== null || count === 0}>
      {busy === 'import' ? busyLabel : count === 0 ? 'Nothing new to import' : children}
    </button>
  );
}

/** The line saying what an import did, with a link to what it wrote when given. */
export function DoneNotice({ children, link }: { children: ReactNode; link?: { href: string; label: string } }) {
  return (
    <p role="status" className="rounded-lg border border-brand-100 bg-brand-50 px-3 py-2 text-sm text-brand-800">
      {children}
      {link ? (
        <>
          {' '}
          <Link href={link.href} className="link">
            {link.label}
          </Link>
        </>
      ) : null}
    </p>
  );
}
