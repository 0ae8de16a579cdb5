import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import type { ReactNode } from 'react';
import { ConfirmButton } from '@/app/_components/confirm-button';
import { BackLink, CardSection, PageHeader } from '@/app/_components/page-header';
import { getContact, listContactEfforts, listContactOpportunities } from '@/lib/data/contacts';
import { listInteractions } from '@/lib/data/interactions';
import { addDays, formatDate, today as todayIso } from '@/lib/dates';
import { channelName } from '@/lib/payoff/channels';
import { pluralize } from '@/lib/payoff/format';
import { can } from '@/lib/permissions';
import { isLinkedinUrl } from '@/lib/schemas/contact';
import { STAGE_LABELS } from '@/lib/schemas/opportunity-options';
import { DIRECTION_LABELS, KIND_LABELS } from '@/lib/schemas/interaction';
import { Comments } from '../../_components/comments';
import { deleteContactAction, deleteContactFormAction, deleteInteractionAction, deleteInteractionFormAction } from '../actions';
import { ContactBadges } from '../_components/contact-badges';
import { EditInteractionForm, NewInteractionForm } from '../_components/interaction-form';
import { workspacePage } from '@/app/w/[workspaceId]/_components/workspace-page';

export const metadata: Metadata = { title: 'Contact' };

/** One fact about the contact; optional facts that are empty are left out to keep the phone view short. */
function Item({ label, children, show = true }: { label: string; children: ReactNode; show?: boolean }) {
  if (!show) return null;
  return (
    <div className="min-w-0">
      <dt className="text-sm font-medium text-stone-500">{label}</dt>
      <dd className="break-words text-stone-900">{children}</dd>
    </div>
  );
}

/** The records linked to the contact, each a link with a line about it. */
function LinkedRecords({ items, empty }: { items: { id: string; href: string; title: string; detail: string }[]; empty: string }) {
  if (items.length === 0) return <p className="mt-2 text-stone-700">{empty}</p>;
  return (
    <ul className="mt-2 space-y-2">
      {items.map((item) => (
        <li key={item.id}>
          <Link href={item.href} className="link">
            {item.title}
          </Link>
          <span className="block text-sm text-stone-600">{item.detail}</span>
        </li>
      ))}
    </ul>
  );
}

export default workspacePage<{ contactId: string }>(async ({ ctx, workspaceId, params: { contactId }, searchParams }) => {
  const today = todayIso();
  const contact = await getContact(ctx, contactId, { today });
  if (!contact) notFound();
  const [interactionList, effortList, opportunityList] = await Promise.all([
    listInteractions(ctx, contact.id),
    listContactEfforts(ctx, contact.id),
    listContactOpportunities(ctx, contact.id),
  ]);
  const { edit } = await searchParams;
  const canWrite = can(ctx.role, 'records.write');
  const w = `/w/${workspaceId}`;
  const selfHref = `${w}/contacts/${contact.id}`;
  const dueOn = contact.cadenceDays !== null && contact.overdueDays !== null ? addDays(today, -contact.overdueDays) : null;

  return (
    <div className="space-y-6">
      <div>
        <BackLink href={`${w}/contacts`}>Contacts</BackLink>
        <PageHeader
          // Long names without spaces must wrap rather than widen a phone screen.
          title={<span className="[overflow-wrap:anywhere]">{contact.name}</span>}
          description={[contact.role, contact.company].filter(Boolean).join(' · ') || undefined}
          actions={
            canWrite ? (
              <>
                <Link href={`${selfHref}/edit`} className="btn-secondary">
                  Edit
                </Link>
                <ConfirmButton
                  label="Delete"
                  title={`Delete ${contact.name}?`}
                  message="Their interactions are deleted too. Opportunities they brought are kept, without a contact."
                  confirmLabel="Delete contact"
                  action={deleteContactAction.bind(null, workspaceId, { id: contact.id })}
                  form={{ action: deleteContactFormAction, fields: { workspaceId, id: contact.id } }}
                  onDoneHref={`${w}/contacts`}
                  doneNotice={`${contact.name} deleted.`}
                />
              </>
            ) : null
          }
        />
        <ContactBadges remembersYou={contact.remembersYou} overdueDays={contact.overdueDays} />
      </div>

      <section className="card" aria-labelledby="details-title">
        <h2 id="details-title" className="sr-only">
          Details
        </h2>
        <dl className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          <Item label="Email" show={Boolean(contact.email)}>
            {contact.email ? (
              <a href={`mailto:${contact.email}`} className="link">
                {contact.email}
              </a>
            ) : (
              '—'
            )}
          </Item>
          <Item label="Phone" show={Boolean(contact.phone)}>
            {contact.phone ? (
              <a href={`tel:${contact.phone.replace(/[^\d+]/g, '')}`} className="link">
                {contact.phone}
              </a>
            ) : (
              '—'
            )}
          </Item>
          <Item label="LinkedIn" show={Boolean(contact.linkedinUrl)}>
            {contact.linkedinUrl && isLinkedinUrl(contact.linkedinUrl) ? (
              <a href={contact.linkedinUrl} className="link" target="_blank" rel="noopener noreferrer">
                LinkedIn profile<span className="sr-only"> (opens in a new tab)</span>
              </a>
            ) : (
              '—'
            )}
          </Item>
          <Item label="Channel">{contact.channel ? channelName(contact.channel) : 'Unknown'}</Item>
          <Item label="Met through" show={Boolean(contact.metThroughEffort)}>
            {contact.metThroughEffort ? (
              <Link href={`${w}/efforts/${contact.metThroughEffort.id}`} className="link">
                {contact.metThroughEffort.title}
              </Link>
            ) : (
              '—'
            )}
          </Item>
          <Item label="Met on" show={Boolean(contact.metOn)}>{formatDate(contact.metOn)}</Item>
          <Item label="Last touch">{formatDate(contact.lastTouchOn)}</Item>
          <Item label="Keep in touch">
            {contact.cadenceDays === null ? (
              'No cadence'
            ) : (
              <>
                Every {pluralize(contact.cadenceDays, 'day')}
                {dueOn ? <span className="block text-sm text-stone-600">Next touch due {formatDate(dueOn)}</span> : null}
              </>
            )}
          </Item>
          <Item label="Next follow-up" show={Boolean(contact.nextFollowUpOn)}>{formatDate(contact.nextFollowUpOn)}</Item>
          <Item label="Tags" show={contact.tags.length > 0}>
            {contact.tags.length === 0 ? (
              '—'
            ) : (
              <span className="flex flex-wrap gap-1.5">
                {contact.tags.map((t) => (
                  <Link
                    key={t}
                    href={`${w}/contacts?tag=${encodeURIComponent(t)}`}
                    className="rounded-full border border-stone-300 bg-stone-50 px-2 py-0.5 text-sm hover:bg-stone-100"
                  >
                    {t}
                  </Link>
                ))}
              </span>
            )}
          </Item>
        </dl>
        {contact.notes ? (
          <div className="mt-4">
            <p className="text-sm font-medium text-stone-500">Notes</p>
            <p className="whitespace-pre-wrap break-words">{contact.notes}</p>
          </div>
        ) : null}
      </section>

      <section aria-labelledby="interactions-title" className="space-y-3">
        <h2 id="interactions-title" className="text-xl font-semibold">
          Interactions
        </h2>
        {canWrite ? (
          <div className="card">
            <NewInteractionForm workspaceId={workspaceId} contactId={contact.id} today={today} />
          </div>
        ) : null}
        {interactionList.length === 0 ? (
          <p className="text-stone-700">
            Nothing logged yet. When they reach out on their own, log it: that is how you know they remember you.
          </p>
        ) : (
          <ul aria-label="Interactions" className="divide-y divide-stone-200 rounded-xl border border-stone-200 bg-white shadow-sm">
            {interactionList.map((i) => (
              <li key={i.id} id={`interaction-${i.id}`} className="px-4 py-3">
                {canWrite && edit === i.id ? (
                  <EditInteractionForm
                    workspaceId={workspaceId}
                    id={i.id}
                    initial={{ date: i.date, kind: i.kind, direction: i.direction, notes: i.notes }}
                    doneHref={selfHref}
                  />
                ) : (
                  <div className="flex flex-wrap items-start justify-between gap-2">
                    <div className="min-w-0">
                      <p className="font-medium">
                        {formatDate(i.date)} · {KIND_LABELS[i.kind]} · {DIRECTION_LABELS[i.direction]}
                      </p>
                      {i.notes ? <p className="whitespace-pre-wrap break-words text-stone-700">{i.notes}</p> : null}
                    </div>
                    {canWrite ? (
                      <div className="flex gap-2">
                        <Link href={`${selfHref}?edit=${i.id}#interaction-${i.id}`} className="btn-secondary" aria-label={`Edit interaction of ${formatDate(i.date)}`}>
                          Edit
                        </Link>
                        <ConfirmButton
                          label="Delete"
                          labelDetail={`interaction of ${formatDate(i.date)}`}
                          doneNotice={`Interaction of ${formatDate(i.date)} deleted.`}
                          title="Delete this interaction?"
                          message={`The ${KIND_LABELS[i.kind].toLowerCase()} of ${formatDate(i.date)} is removed and the contact's last touch recomputed.`}
                          confirmLabel="Delete interaction"
                          className="btn-secondary"
                          action={deleteInteractionAction.bind(null, workspaceId, { id: i.id })}
                          form={{ action: deleteInteractionFormAction, fields: { workspaceId, id: i.id } }}
                        />
                      </div>
                    ) : null}
                  </div>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>

      <div className="grid gap-6 md:grid-cols-2">
        <CardSection id="efforts" title="Efforts together">
          <LinkedRecords
            empty="Not linked to any effort yet."
            items={effortList.map((e) => ({ id: e.id, href: `${w}/efforts/${e.id}`, title: e.title, detail: `${formatDate(e.date)} · ${channelName(e.channel)}` }))}
          />
        </CardSection>
        <CardSection id="opps" title="Opportunities they brought">
          <LinkedRecords
            empty="None yet."
            items={opportunityList.map((o) => ({ id: o.id, href: `${w}/opportunities/${o.id}`, title: o.title, detail: `${STAGE_LABELS[o.stage]} · opened ${formatDate(o.openedOn)}` }))}
          />
        </CardSection>
      </div>
      <Comments workspaceId={workspaceId} entity="contact" entityId={contact.id} />
    </div>
  );
});
