import type { Metadata } from 'next';
import Link from 'next/link';
import { Field, Options } from '@/app/_components/field';
import { EmptyState, PageHeader } from '@/app/_components/page-header';
import { Pager } from '@/app/_components/pager';
import { countGoingCold, listContacts, listContactTags } from '@/lib/data/contacts';
import { formatDate } from '@/lib/dates';
import { channelName } from '@/lib/payoff/channels';
import { can } from '@/lib/permissions';
import { contactListQuerySchema, type ContactListQuery } from '@/lib/schemas/contact';
import { ExportLink, withQuery } from '@/app/w/[workspaceId]/_components/list-links';
import { ContactBadges } from './_components/contact-badges';
import { workspacePage } from '@/app/w/[workspaceId]/_components/workspace-page';

export const metadata: Metadata = { title: 'Contacts' };

function hrefFor(base: string, query: Partial<ContactListQuery>, cursor?: { after?: string; before?: string }): string {
  return withQuery(base, { q: query.q, tag: query.tag, cold: query.cold ? '1' : null, after: cursor?.after, before: cursor?.before });
}

export default workspacePage(async ({ ctx, workspaceId, searchParams }) => {
  const query = contactListQuerySchema.parse(await searchParams);
  const [page, coldCount, tags] = await Promise.all([
    listContacts(ctx, { q: query.q, tag: query.tag, goingCold: query.cold, after: query.after, before: query.before }),
    countGoingCold(ctx),
    listContactTags(ctx),
  ]);
  const base = `/w/${workspaceId}/contacts`;
  const canWrite = can(ctx.role, 'records.write');
  const filtered = Boolean(query.q || query.tag || query.cold);
  const tagOptions = query.tag && !tags.some((t) => t.toLowerCase() === query.tag.toLowerCase()) ? [query.tag, ...tags] : tags;
  const addButton = canWrite ? (
    <Link href={`${base}/new`} className="btn-primary">
      Add contact
    </Link>
  ) : null;

  if (!filtered && page.items.length === 0 && !query.after && !query.before) {
    return (
      <div>
        <PageHeader title="Contacts" />
        <EmptyState
          title="No contacts yet"
          action={
            <div className="flex flex-wrap justify-center gap-2">
              {addButton}
              <Link href={`/w/${workspaceId}/contacts/my-card`} className="btn-secondary">
                Share my card
              </Link>
            </div>
          }
        >
          <p>
            Contacts only remember you if you follow up. Add the people you meet, say how often to keep in touch, and log each
            call or message — you will see who is going cold and who reaches out on their own.
          </p>
        </EmptyState>
      </div>
    );
  }

  return (
    <div>
      <PageHeader
        title="Contacts"
        description="Who you met, when you last were in touch, and who remembers you."
        actions={
          <>
            <ExportLink workspaceId={workspaceId} list="contacts" filters={{ q: query.q, tag: query.tag, cold: query.cold ? '1' : null }} />
            <Link href={`/w/${workspaceId}/contacts/my-card`} className="btn-secondary">
              Share my card
            </Link>
            {addButton}
          </>
        }
      />

      <nav aria-label="Contact views" className="mb-3 flex flex-wrap gap-2">
        <Link
          href={hrefFor(base, { ...query, cold: false })}
          aria-current={query.cold ? undefined : 'page'}
          className="rounded-full border border-stone-300 bg-white px-3 py-1.5 text-sm font-medium aria-[current=page]:border-brand-700 aria-[current=page]:bg-brand-50 aria-[current=page]:text-brand-800"
        >
          All contacts
        </Link>
        <Link
          href={hrefFor(base, { ...query, cold: true })}
          aria-current={query.cold ? 'page' : undefined}
          className="inline-flex items-center gap-2 rounded-full border border-stone-300 bg-white px-3 py-1.5 text-sm font-medium aria-[current=page]:border-brand-700 aria-[current=page]:bg-brand-50 aria-[current=page]:text-brand-800"
        >
          Going cold
          <span className="rounded-full bg-amber-100 px-2 text-xs font-semibold text-amber-900">
            {coldCount}
          </span>
        </Link>
      </nav>

      <form method="get" action={base} role="search" aria-label="Filter contacts" className="card mb-4 grid gap-3 sm:grid-cols-[2fr_1fr_auto] sm:items-end">
        <Field id="contacts-q" label="Search">
          {({ id }) => (
            <input
              id={id}
              name="q"
              type="search"
              defaultValue={query.q}
              maxLength={100}
              placeholder="Name, company, role, email or notes"
              className="input"
            />
          )}
        </Field>
        <Field id="contacts-tag" label="Tag">
          {({ id }) => (
            <select id={id} name="tag" defaultValue={query.tag} className="input">
              <option value="">All tags</option>
              <Options items={tagOptions} label={(t) => t} />
            </select>
          )}
        </Field>
        {query.cold ? <input type="hidden" name="cold" value="1" /> : null}
        <button type="submit" className="btn-secondary">
          Search
        </button>
      </form>

      {page.items.length === 0 ? (
        <EmptyState
          title={query.cold && !query.q && !query.tag ? 'Nobody is going cold' : 'No contacts match'}
          action={
            <Link href={base} className="btn-secondary">
              Show all contacts
            </Link>
          }
        >
          <p>
            {query.cold && !query.q && !query.tag
              ? 'Every contact with a keep-in-touch cadence has heard from you in time.'
              : 'Try a shorter search or another tag.'}
          </p>
        </EmptyState>
      ) : (
        <ul aria-label="Contacts" className="divide-y divide-stone-200 overflow-hidden rounded-xl border border-stone-200 bg-white shadow-sm">
          {page.items.map((c) => (
            <li key={c.id} className="grid gap-1 px-4 py-3 sm:grid-cols-[minmax(0,2fr)_minmax(0,1.3fr)_minmax(0,1fr)] sm:items-center sm:gap-4">
              <div className="min-w-0">
                <Link href={`${base}/${c.id}`} className="link break-words text-base">
                  {c.name}
                </Link>
                {c.company || c.role ? (
                  <p className="break-words text-sm text-stone-600">{[c.role, c.company].filter(Boolean).join(' · ')}</p>
                ) : null}
                <div className="mt-1">
                  <ContactBadges remembersYou={c.remembersYou} overdueDays={c.overdueDays} />
                </div>
              </div>
              <p className="text-sm text-stone-700">
                <span className="sm:sr-only">Channel: </span>
                {c.channel ? channelName(c.channel) : 'Channel unknown'}
              </p>
              <p className="text-sm text-stone-700">
                <span className="text-stone-500">Last touch </span>
                {formatDate(c.lastTouchOn)}
              </p>
            </li>
          ))}
        </ul>
      )}

      <Pager
        label="Contact pages"
        prevHref={page.prevCursor ? hrefFor(base, query, { before: page.prevCursor }) : null}
        nextHref={page.nextCursor ? hrefFor(base, query, { after: page.nextCursor }) : null}
        prevText="← Previous"
        nextText="Next →"
      />
    </div>
  );
});
