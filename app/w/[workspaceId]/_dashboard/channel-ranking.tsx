'use client';

import Link from 'next/link';
import type { ChannelKey } from '@/lib/payoff/channels';
import { formatHours, formatMoney } from '@/lib/payoff/format';
import type { Grade, Verdict } from '@/lib/payoff';
import type { ChannelFigures } from './figures';

const GRADE_STYLE: Record<Grade, string> = {
  A: 'bg-brand-700 text-white',
  B: 'bg-brand-100 text-brand-800',
  C: 'bg-stone-200 text-stone-800',
  D: 'bg-amber-100 text-amber-900',
  F: 'bg-red-100 text-red-800',
};

const VERDICT_STYLE: Record<Verdict, string> = {
  'Pays off': 'text-brand-800',
  Promising: 'text-brand-700',
  'Break-even': 'text-stone-800',
  'Time drain': 'text-red-800',
  'Too early': 'text-stone-700',
};

/** How a channel's grade reads to a screen reader and in the ranking's labels. */
function gradeLabel(grade: Grade | null): string {
  return grade === null ? 'too early to grade' : `grade ${grade}`;
}

function GradeBadge({ grade }: { grade: Grade | null }) {
  if (grade === null) {
    return (
      <span className="grade early" role="img" aria-label="Too early to grade">
        Too early
      </span>
    );
  }
  return (
    <span className={`grade ${GRADE_STYLE[grade]}`} role="img" aria-label={`Grade ${grade}`}>
      {grade}
    </span>
  );
}

/**
 * "Why this grade?": the reasons in the person's own words, rendered only for the channel asked
 * for (a link, so it works before any script; with scripts it updates in place). The link keeps
 * its place and its focus when the reasons open below it.
 */
function WhyThisGrade({ channel, reasons, href }: { channel: ChannelFigures; reasons: string[] | null; href: string }) {
  return (
    <div id={`why-${channel.channel}`} className="mt-2 text-sm">
      <Link href={href} scroll={false} prefetch={false} className="link">
        {reasons ? 'Why this grade? — hide' : 'Why this grade?'}
        <span className="sr-only">{` (${channel.name})`}</span>
      </Link>
      {reasons ? (
        <div className="mt-2 space-y-1.5 rounded-lg bg-stone-50 p-3">
          {reasons.map((line, i) => (
            <p key={i}>{line}</p>
          ))}
        </div>
      ) : null}
    </div>
  );
}

/**
 * The dashboard's own address at a channel's card, with its reasons open or not: `view` is the
 * query of the period and attribution shown, without the open channel.
 */
function whyHref(base: string, view: string, channel: ChannelKey, open: boolean): string {
  const query = new URLSearchParams(view);
  if (open) query.set('why', channel);
  const search = query.toString();
  return `${base}${search ? `?${search}` : ''}#why-${channel}`;
}

/**
 * Channels ranked on the cautious end of what an hour returns, draining ones last. Rendered from
 * the figures alone (a client component), so the page's payload carries them once; every card's
 * shared styling is the `ranking` utility, so no card repeats a class list.
 */
export function ChannelRanking({
  channels,
  currency,
  why,
  base,
  view,
}: {
  channels: ChannelFigures[];
  currency: string;
  /** The channel whose reasons are shown, with them, if any. */
  why: { channel: ChannelKey; reasons: string[] } | null;
  /** The dashboard's address, and the query of the view shown (see `whyHref`). */
  base: string;
  view: string;
}) {
  const money = (n: number) => formatMoney(n, currency);
  return (
    <section aria-labelledby="ranking-title">
      <h2 id="ranking-title" className="mb-3 text-lg font-semibold">
        Channels, best first
      </h2>
      <ol className="ranking">
        {channels.map((c, i) => (
          <li key={c.channel} className="card" aria-label={`${i + 1}. ${c.name}: ${gradeLabel(c.grade)}, ${c.verdict}`}>
            <GradeBadge grade={c.grade} />
            <div className="head">
              <h3>{c.name}</h3>
              <p className={VERDICT_STYLE[c.verdict]}>{c.verdict}</p>
            </div>
            <p className="reason">{c.verdictReason}</p>
            <dl>
              <dt>Invested</dt>
              <dd>{`${formatHours(c.hours)}, ${money(c.money)}`}</dd>
              <dt>Contacts</dt>
              <dd>{`${c.contactsMade}, ${c.contactsRemembered} remembered`}</dd>
              <dt>Opportunities</dt>
              <dd>{String(Math.round(c.opportunities * 10) / 10)}</dd>
              <dt>Won value</dt>
              <dd>{money(c.wonValue)}</dd>
              <dt>An hour returns</dt>
              <dd>{`about ${money(c.value.estimate)}, plausibly ${money(c.value.low)}–${money(c.value.high)}`}</dd>
            </dl>
            <WhyThisGrade
              channel={c}
              reasons={why?.channel === c.channel ? why.reasons : null}
              href={whyHref(base, view, c.channel, why?.channel !== c.channel)}
            />
          </li>
        ))}
      </ol>
    </section>
  );
}
