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
 */
const LIST_STYLE = [
  'space-y-3',
  '[&_h3]:font-semibold',
  '[&_.grade]:inline-flex [&_.grade]:h-9 [&_.grade]:min-w-9 [&_.grade]:shrink-0 [&_.grade]:items-center [&_.grade]:justify-center [&_.grade]:rounded-lg',
  '[&_dl]:mt-2 [&_dl]:grid [&_dl]:grid-cols-[repeat(auto-fill,minmax(min(100%,7rem),1fr))] [&_dl]:gap-x-4 [&_dl]:gap-y-1 [&_dl]:text-sm',
  '[&_dd]:font-medium [&_dd]:tabular-nums [&_dd]:[overflow-wrap:anywhere] [&_dt]:text-xs [&_dt]:text-stone-600 [&_dl>div]:min-w-0',
].join(' ');

/** How a channel's grade reads to a screen reader and in the ranking's labels. */
export function gradeLabel(grade: Grade | null): string {
  return grade === null ? 'too early to grade' : `grade ${grade}`;
}

function GradeBadge({ grade }: { grade: Grade | null }) {
  if (grade === null) {
    return (
      <span className="grade border border-dashed border-stone-400 px-1 text-center text-[0.65rem] leading-tight font-semibold text-stone-700" role="img" aria-label="Too early to grade">
        Too early
      </span>
    );
  }
  return (
    <span className={`grade text-lg font-bold ${GRADE_STYLE[grade]}`} role="img" aria-label={`Grade ${grade}`}>
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
        {open ? 'Hide why this grade' : 'Why this grade?'}
        <span className="sr-only">{` (${channel.name})`}</span>
      </Link>
      {open ? (
        <div className="mt-2 space-y-1.5 rounded-lg bg-stone-50 p-3">
          {channel.why.map((line) => (
            <p key={line}>{line}</p>
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
            <div className="flex items-start gap-3">
              <GradeBadge grade={c.grade} />
              <div className="min-w-0 flex-1">
                <div className="flex flex-wrap items-baseline justify-between gap-x-3">
                  <h3>{c.name}</h3>
                  <p className={`text-sm font-semibold ${VERDICT_STYLE[c.verdict]}`}>{c.verdict}</p>
                </div>
                <p className="mt-1 text-sm text-stone-700">{c.verdictReason}</p>
                {/* Columns are at least 7rem, so with large text they become fewer instead of overlapping. */}
                <dl>
                  <Stat label="Hours" value={formatHours(c.hours)} />
                  <Stat label="Money" value={money(c.money)} />
                  <Stat label="Contacts" value={String(c.contactsMade)} />
                  <Stat label="Remembered" value={String(c.contactsRemembered)} />
                  <Stat label="Opportunities" value={String(Math.round(c.opportunities * 10) / 10)} />
                  <Stat label="Won value" value={money(c.wonValue)} />
                  <Stat label="An hour returns" value={`about ${money(c.value.estimate)}`} />
                  <Stat label="Plausibly" value={`${money(c.value.low)}–${money(c.value.high)}`} />
                </dl>
                <WhyThisGrade channel={c} open={why === c.channel} href={whyHref(c.channel, why !== c.channel)} />
              </div>
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}

function Stat({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}
