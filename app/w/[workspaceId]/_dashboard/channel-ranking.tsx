import { formatHours, formatMoney, type ChannelResult, type Grade, type Verdict } from '@/lib/payoff';

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
export function gradeLabel(grade: Grade | null): string {
  return grade === null ? 'too early to grade' : `grade ${grade}`;
}

function GradeBadge({ grade }: { grade: Grade | null }) {
  if (grade === null) {
    return (
      <span className="inline-flex h-9 min-w-9 shrink-0 items-center justify-center rounded-lg border border-dashed border-stone-400 px-1 text-center text-[0.65rem] leading-tight font-semibold text-stone-700" role="img" aria-label="Too early to grade">
        Too early
      </span>
    );
  }
  return (
    <span className={`inline-flex h-9 w-9 shrink-0 items-center justify-center rounded-lg text-lg font-bold ${GRADE_STYLE[grade]}`} role="img" aria-label={`Grade ${grade}`}>
      {grade}
    </span>
  );
}

/** "Why this grade?": the reasons in the person's own words. */
function WhyThisGrade({ channel }: { channel: ChannelResult }) {
  return (
    <details className="group mt-2">
      <summary className="cursor-pointer text-sm font-medium text-brand-700 underline underline-offset-2">
        Why this grade?<span className="sr-only"> ({channel.name})</span>
      </summary>
      <div className="mt-2 space-y-1.5 rounded-lg bg-stone-50 p-3 text-sm">
        {channel.why.map((line) => (
          <p key={line}>{line}</p>
        ))}
      </div>
    </details>
  );
}

/** Channels ranked on the cautious end of what an hour returns, draining ones last. */
export function ChannelRanking({ channels, currency }: { channels: ChannelResult[]; currency: string }) {
  const money = (n: number) => formatMoney(n, currency);
  return (
    <section aria-labelledby="ranking-title">
      <h2 id="ranking-title" className="mb-3 text-lg font-semibold">
        Channels, best first
      </h2>
      <ol className="space-y-3">
        {channels.map((c, i) => (
          <li key={c.channel} className="card" aria-label={`${i + 1}. ${c.name}: ${gradeLabel(c.grade)}, ${c.verdict}`}>
            <div className="flex items-start gap-3">
              <GradeBadge grade={c.grade} />
              <div className="min-w-0 flex-1">
                <div className="flex flex-wrap items-baseline justify-between gap-x-3">
                  <h3 className="font-semibold">{c.name}</h3>
                  <p className={`text-sm font-semibold ${VERDICT_STYLE[c.verdict]}`}>{c.verdict}</p>
                </div>
                <p className="mt-1 text-sm text-stone-700">{c.verdictReason}</p>
                {/* Columns are at least 7rem, so with large text they become fewer instead of overlapping. */}
                <dl className="mt-2 grid grid-cols-[repeat(auto-fill,minmax(min(100%,7rem),1fr))] gap-x-4 gap-y-1 text-sm [&_dd]:font-medium [&_dd]:tabular-nums [&_dd]:[overflow-wrap:anywhere] [&_dt]:text-xs [&_dt]:text-stone-600 [&>div]:min-w-0">
                  <Stat label="Hours" value={formatHours(c.hours)} />
                  <Stat label="Money" value={money(c.money)} />
                  <Stat label="Contacts" value={String(c.contactsMade)} />
                  <Stat label="Remembered" value={String(c.contactsRemembered)} />
                  <Stat label="Opportunities" value={String(Math.round(c.opportunities * 10) / 10)} />
                  <Stat label="Won value" value={money(c.wonValue)} />
                  <Stat label="An hour returns" value={`about ${money(c.value.estimate)}`} />
                  <Stat label="Plausibly" value={`${money(c.value.low)}–${money(c.value.high)}`} />
                </dl>
                <WhyThisGrade channel={c} />
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
