import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ConfirmButton } from '@/app/_components/confirm-button';
import { Badge, PageHeader } from '@/app/_components/page-header';
import { getEffort, type FieldValue } from '@/lib/data/efforts';
import { formatDate, today } from '@/lib/dates';
import { effortFlags } from '@/lib/flags';
import { formatAmount, formatHours, formatNumber, pluralize } from '@/lib/payoff/format';
import { can } from '@/lib/permissions';
import { CHANNEL_FIELDS, type ChannelFieldSpec } from '@/lib/schemas/effort';
import { STAGE_LABELS } from '@/lib/schemas/opportunity-options';
import { Comments } from '../../_components/comments';
import { deleteEffortAction, deleteEffortFormAction } from '../actions';
import { channelLabel } from '../_components/channel-label';
import { TimeEntries } from '../_components/time-entries';
import { workspacePage } from '@/app/w/[workspaceId]/_components/workspace-page';

export const metadata: Metadata = { title: 'Effort' };

function show(spec: ChannelFieldSpec, value: FieldValue, currency: string): string {
  if (spec.kind === 'bool') return value === true ? 'Yes' : 'No';
  if (value === null || value === '') return '—';
  switch (spec.kind) {
    case 'int':
      return formatNumber(Number(value), 0);
    case 'money':
      return formatAmount(Number(value), currency);
    case 'date':
      return formatDate(String(value));
    case 'enum':
      return spec.options?.find((o) => o.value === value)?.label ?? String(value);
    default:
      return String(value);
  }
}

export default workspacePage<{ effortId: string }>(async ({ ctx, workspaceId, params: { effortId } }) => {
  const effort = await getEffort(ctx, effortId);
  if (!effort) notFound();
  const base = `/w/${workspaceId}`;
  const canWrite = can(ctx.role, 'records.write');
  const currency = ctx.workspace.currency;
  const flags = effortFlags(effort, { today: today() });
  const specs = CHANNEL_FIELDS[effort.channel].filter((s) => s.name !== 'otherLabel');
  const paid = effort.channel === 'stretch' ? Number(effort.fields.paidAmount ?? 0) || 0 : 0;

  return (
    <div className="max-w-3xl space-y-5">
      <p>
        <Link href={`${base}/efforts`} className="link">
          ← All efforts
        </Link>
      </p>
      <PageHeader
        title={<span className="break-words">{effort.title}</span>}
        description={`${channelLabel(effort.channel, effort.otherLabel)} · ${formatDate(effort.date)}`}
        actions={
          canWrite ? (
            <>
              <Link href={`${base}/efforts/${effort.id}/edit`} className="btn-secondary">
                Edit
              </Link>
              <ConfirmButton
                label="Delete"
                title="Delete this effort?"
                message={`"${effort.title}" and its ${pluralize(effort.timeEntries.length, 'time entry', 'time entries')} will be deleted. Its contacts stay, and any opportunity tied to it becomes unassigned.`}
                confirmLabel="Delete effort"
                action={deleteEffortAction.bind(null, workspaceId, { id: effort.id })}
                form={{ action: deleteEffortFormAction, fields: { workspaceId, id: effort.id } }}
                onDoneHref={`${base}/efforts`}
                doneNotice={`Effort “${effort.title}” deleted.`}
              />
            </>
          ) : null
        }
      />

      {flags.length ? (
        <section aria-labelledby="flags-title" className="card border-amber-300 bg-amber-50/40">
          <h2 id="flags-title" className="text-lg font-semibold">
            Flags
          </h2>
          <ul className="mt-2 space-y-2">
            {flags.map((flag) => (
              <li key={flag.key}>
                <Badge tone={flag.tone}>
                  <span aria-hidden="true" className="mr-1">
                    ⚑
                  </span>
                  {flag.label}
                </Badge>{' '}
                <span className="text-stone-700">{flag.reason}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="details-title" className="card">
        <h2 id="details-title" className="text-lg font-semibold">
          Details
        </h2>
        <dl className="mt-3 grid gap-x-6 gap-y-3 sm:grid-cols-2">
          <Item label="Date" value={formatDate(effort.date)} />
          <Item label="Hours" value={formatHours(effort.hours)} />
          <Item label="Money spent" value={formatAmount(effort.moneySpent, currency)} />
          {specs.map((spec) => (
            <Item
              key={spec.name}
              label={spec.label}
              value={show(spec, effort.fields[spec.name] ?? null, currency)}
              wide={spec.kind === 'longText'}
            />
          ))}
          {effort.channel === 'stretch' ? (
            <Item label="Your target niche" value={ctx.workspace.targetNiche || 'Not set yet'} />
          ) : null}
          <Item label="Notes" value={effort.notes || '—'} wide />
        </dl>
      </section>

      <section aria-labelledby="contacts-title" className="card">
        <h2 id="contacts-title" className="text-lg font-semibold">
          Contacts involved
        </h2>
        {effort.contacts.length ? (
          <ul className="mt-2 space-y-1">
            {effort.contacts.map((c) => (
              <li key={c.id}>
                <Link href={`${base}/contacts/${c.id}`} className="link">
                  {c.name}
                </Link>
                {c.company ? <span className="text-stone-600"> · {c.company}</span> : null}
              </li>
            ))}
          </ul>
        ) : (
          <p className="mt-2 text-stone-700">No contacts linked. Linking who you met shows which channels bring people who remember you.</p>
        )}
      </section>

      <section aria-labelledby="opps-title" className="card">
        <h2 id="opps-title" className="text-lg font-semibold">
          Opportunities from this effort
        </h2>
        {paid > 0 && !effort.opportunities.some((o) => o.stage === 'won') ? (
          // Paid stretch work counts once, as won value; a won opportunity tied here takes its place.
          <p className="mt-2 text-stone-700">
            This project paid {formatAmount(paid, currency)}, and the dashboard counts that as won value. If you log the
            payment as a won opportunity from this effort, that counts instead, never both.
          </p>
        ) : null}
        {effort.opportunities.length ? (
          <ul className="mt-2 space-y-1">
            {effort.opportunities.map((o) => (
              <li key={o.id} className="flex flex-wrap items-center gap-2">
                <Link href={`${base}/opportunities/${o.id}`} className="link">
                  {o.title}
                </Link>
                <Badge tone={o.stage === 'won' ? 'good' : o.stage === 'lost' ? 'neutral' : 'info'}>{STAGE_LABELS[o.stage] ?? o.stage}</Badge>
              </li>
            ))}
          </ul>
        ) : paid > 0 ? null : (
          <p className="mt-2 text-stone-700">None yet. When this effort brings a job, client or referral, tie the opportunity to it.</p>
        )}
        {canWrite ? (
          <p className="mt-3">
            <Link href={`${base}/opportunities/new?effortId=${effort.id}`} className="btn-secondary">
              Log an opportunity from this effort
            </Link>
          </p>
        ) : null}
      </section>

      <section aria-labelledby="entries-title" className="card">
        <h2 id="entries-title" className="text-lg font-semibold" tabIndex={-1}>
          Time entries
        </h2>
        <p className="mt-1 text-sm text-stone-600">
          The effort’s hours ({formatHours(effort.hours)}) are the sum of these entries.
        </p>
        <div className="mt-3">
          <TimeEntries
            workspaceId={workspaceId}
            effortId={effort.id}
            entries={effort.timeEntries}
            canWrite={canWrite}
            defaultDate={today()}
          />
        </div>
      </section>
      <Comments workspaceId={workspaceId} entity="effort" entityId={effort.id} />
    </div>
  );
});

function Item({ label, value, wide }: { label: string; value: string; wide?: boolean }) {
  return (
    <div className={wide ? 'sm:col-span-2' : undefined}>
      <dt className="text-sm font-medium text-stone-600">{label}</dt>
      <dd className="whitespace-pre-line break-words">{value}</dd>
    </div>
  );
}
