import { formatHours, formatMoney, type ChannelResult, type Grade } from '@/lib/payoff';

const GRADE_STYLE: Record<Grade, string> = {
  A: 'bg-brand-700 text-white',
  B: 'bg-brand-100 text-brand-800',
  C: 'bg-stone-200 text-stone-800',
  D: 'bg-amber-100 text-amber-900',
  F: 'bg-red-100 text-red-800',
};

const CONFIDENCE_LABEL = { thin: 'Thin data', some: 'Some data', solid: 'Solid data' } as const;

function GradeBadge({ grade }: { grade: Grade }) {
  return (
    <span className={`inline-flex h-9 w-9 shrink-0 items-center justify-center rounded-lg text-lg font-bold ${GRADE_STYLE[grade]}`} role="img" aria-label={`Grade ${grade}`}>
      {grade}
    </span>
  );
}

function perHour(c: ChannelResult, currency: string) {
  return c.valuePerHour === null ? '—' : `${formatMoney(c.valuePerHour, currency)}/h`;
}

function round1(n: number) {
  return Math.round(n * 10) / 10;
}

/** "Why this grade?": every factor with its numbers and points. */
function WhyThisGrade({ channel }: { channel: ChannelResult }) {
  return (
    <details className="group mt-2">
      <summary className="cursor-pointer text-sm font-medium text-brand-700 underline underline-offset-2">
        Why this grade?<span className="sr-only"> ({channel.name})</span>
      </summary>
      <div className="mt-2 rounded-lg bg-stone-50 p-3 text-sm">
        <p>
          Score <strong>{channel.score}</strong> of 100 → grade {channel.grade}. {channel.verdictReason}
        </p>
        <ul className="mt-2 space-y-1.5">
          {channel.factors.map((f) => (
            <li key={f.key}>
              <span className="font-semibold">
                {f.label}: {f.points} / {f.maxPoints} points.
              </span>{' '}
              {f.explanation}
            </li>
          ))}
        </ul>
        <p className="mt-2 text-stone-600">
          {CONFIDENCE_LABEL[channel.confidence]}: {formatHours(channel.hours)} over {channel.efforts}{' '}
          {channel.efforts === 1 ? 'effort' : 'efforts'}.
        </p>
      </div>
    </details>
  );
}

/** Channels ranked by score: a table on desktop, cards on phones. */
export function ChannelRanking({ channels, currency }: { channels: ChannelResult[]; currency: string }) {
  return (
    <section aria-labelledby="ranking-title">
      <h2 id="ranking-title" className="mb-3 text-lg font-semibold">
        Channels, best first
      </h2>
      <ol className="space-y-3">
        {channels.map((c, i) => (
          <li key={c.channel} className="card" aria-label={`${i + 1}. ${c.name}: grade ${c.grade}, ${c.verdict}`}>
            <div className="flex items-start gap-3">
              <GradeBadge grade={c.grade} />
              <div className="min-w-0 flex-1">
                <div className="flex flex-wrap items-baseline justify-between gap-x-3">
                  <h3 className="font-semibold">{c.name}</h3>
                  <p className="text-sm">
                    <span className="font-semibold">{c.verdict}</span>
                    <span className="text-stone-600"> · score {c.score} · {CONFIDENCE_LABEL[c.confidence].toLowerCase()}</span>
                  </p>
                </div>
                {/* The stats are styled from the list, once per channel rather than on each of its terms.
                    Columns are at least 7rem, so with large text they become fewer instead of overlapping. */}
                <dl className="mt-2 grid grid-cols-[repeat(auto-fill,minmax(min(100%,7rem),1fr))] gap-x-4 gap-y-1 text-sm [&_dd]:font-medium [&_dd]:tabular-nums [&_dd]:[overflow-wrap:anywhere] [&_dt]:text-xs [&_dt]:text-stone-600 [&>div]:min-w-0">
                  <Stat label="Hours" value={formatHours(c.hours)} />
                  <Stat label="Money" value={formatMoney(c.money, currency)} />
                  <Stat label="Contacts" value={String(c.contactsMade)} />
                  <Stat label="Remembered" value={String(c.contactsRemembered)} />
                  <Stat label="Opportunities" value={String(round1(c.opportunities))} />
                  <Stat label="Won value" value={formatMoney(c.wonValue, currency)} />
                  <Stat label="Value per hour" value={perHour(c, currency)} />
                  <Stat label="Drain" value={String(c.drain.total)} />
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
