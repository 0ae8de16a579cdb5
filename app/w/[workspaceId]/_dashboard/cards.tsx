'use client';

import Link from 'next/link';
import type { ReactNode } from 'react';

// The dashboard's smaller cards, rendered from the few values they show (client components, rendered
// on the server first): the page's payload carries those values, not a copy of each card's markup.

/** "What to do next": the first pieces of advice, and every other one behind "N more" (none is dropped). */
export function Advice({ shown, more }: { shown: string[]; more: string[] }) {
  return (
    <section aria-labelledby="advice-title" className="card border-brand-100 bg-brand-50">
      <h2 id="advice-title" className="text-lg font-semibold">
        What to do next
      </h2>
      <AdviceList items={shown} />
      {more.length > 0 ? (
        <details className="mt-2">
          <summary className="cursor-pointer text-sm font-medium text-brand-700">{`${more.length} more`}</summary>
          <AdviceList items={more} />
        </details>
      ) : null}
    </section>
  );
}

function AdviceList({ items }: { items: string[] }) {
  return (
    <ul className="mt-2 list-disc space-y-1.5 pl-5">
      {items.map((text, i) => (
        <li key={i}>{text}</li>
      ))}
    </ul>
  );
}

/** A signal beside the ranking: a heading, what it says, and where to act on it. */
function SignalCard({ id, title, children, href, linkText }: { id: string; title: string; children: ReactNode; href: string; linkText: string }) {
  return (
    <section className="card" aria-labelledby={id}>
      <h2 id={id} className="font-semibold">
        {title}
      </h2>
      {children}
      <Link className="link mt-2 inline-block text-sm" href={href}>
        {linkText}
      </Link>
    </section>
  );
}

/** Contacts past their keep-in-touch cadence; `shown` is the count as displayed ("99+" past the cap). */
export function GoingCold({ count, shown, href }: { count: number; shown: string; href: string }) {
  return (
    <SignalCard id="cold-title" title="Going cold" href={href} linkText="See who to contact">
      <p className="mt-1 text-3xl font-bold tabular-nums">{shown}</p>
      <p className="text-sm text-stone-700">
        {count === 0
          ? 'Every contact with a keep-in-touch cadence is up to date.'
          : `${count === 1 ? 'contact is' : 'contacts are'} past their keep-in-touch cadence.`}
      </p>
    </SignalCard>
  );
}

/** What the LinkedIn checklist still lacks. */
export function LinkedinSignal({ missing, href }: { missing: string[]; href: string }) {
  return (
    <SignalCard id="li-title" title="LinkedIn profile" href={href} linkText="Open the checklist">
      <p className="mt-1 text-sm text-stone-700">
        {missing.length === 0 ? 'Checklist complete, or not started yet.' : `Missing: ${missing.join(', ')}.`}
      </p>
    </SignalCard>
  );
}
