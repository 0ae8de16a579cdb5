import Link from 'next/link';
import { formatHours, formatMoney, type ChannelKey, type ChannelResult, type Grade, type Verdict } from '@/lib/payoff';

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

/**
 * What every card shares is styled once on the list, not on each card: the page's HTML and its
 * React payload both carry every class name, so a class repeated per card costs twice per card.
 * A card is a two-column grid: the grade badge, and beside it everything else.
 */
const LIST_STYLE = [
  'space-y-3 [&>li]:grid [&>li]:grid-cols-[auto_minmax(0,1fr)] [&>li]:gap-x-3 [&>li>:not(.grade)]:col-start-2',
  '[&_.grade]:row-span-4 [&_.grade]:inline-flex [&_.grade]:h-9 [&_.grade]:min-w-9 [&_.grade]:items-center [&_.grade]:justify-center [&_.grade]:rounded-lg [&_.grade:not(.early)]:text-lg [&_.grade:not(.early)]:font-bold',
  '[&_.early]:border [&_.early]:border-dashed [&_.early]:border-stone-400 [&_.early]:px-1 [&_.early]:text-center [&_.early]:text-[0.65rem] [&_.early]:leading-tight [&_.early]:font-semibold [&_.early]:text-stone-700',
  '[&_.head]:flex [&_.head]:flex-wrap [&_.head]:items-baseline [&_.head]:justify-between [&_.head]:gap-x-3 [&_h3]:font-semibold [&_.head>p]:text-sm [&_.head>p]:font-semibold',
  '[&_.reason]:mt-1 [&_.reason]:text-sm [&_.reason]:text-stone-700',
  // Figures run as one line of label-value pairs that wraps, so large text needs no columns.
  '[&_dl]:mt-2 [&_dl]:text-sm [&_dt]:inline [&_dt]:pr-1 [&_dt]:text-stone-600 [&_dd]:inline [&_dd]:pr-4 [&_dd]:font-medium [&_dd]:tabular-nums [&_dd]:[overflow-wrap:anywhere]',
].join(' ');

/** How a channel's grade reads to a screen reader and in the ranking's labels. */
export function gradeLabel(grade: Grade | null): string {
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
function WhyThisGrade({ channel, open, href }: { channel: ChannelResult; open: boolean; href: string }) {
  return (
    <div id={`why-${channel.channel}`} className="mt-2 text-sm">
      <Link href={href} scroll={false} prefetch={false} className="link">
        {open ? 'Why this grade? — hide' : 'Why this grade?'}
        <span className="sr-only">{` (${channel.name})`}</span>
      </Link>
      {open ? (
        <div className="mt-2 space-y-1.5 rounded-lg bg-stone-50 p-3">
          {channel.why.map((line, i) => (
            <p key={i}>{line}</p>
          ))}
        </div>
      ) : null}
    </div>
  );
}

/** Channels ranked on the cautious end of what an hour returns, draining ones last. */
export function ChannelRanking({
  channels,
  currency,
  why,
  whyHref,
}: {
  channels: ChannelResult[];
  currency: string;
  /** The channel whose reasons are shown, if any. */
  why: ChannelKey | null;
  /** The dashboard's own address at a channel's card, with its reasons open or not. */
  whyHref: (channel: ChannelKey, open: boolean) => string;
}) {
  const money = (n: number) => formatMoney(n, currency);
  return (
    <section aria-labelledby="ranking-title">
      <h2 id="ranking-title" className="mb-3 text-lg font-semibold">
        Channels, best first
      </h2>
      <ol className={LIST_STYLE}>
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
            <WhyThisGrade channel={c} open={why === c.channel} href={whyHref(c.channel, why !== c.channel)} />
          </li>
        ))}
      </ol>
    </section>
  );
}
