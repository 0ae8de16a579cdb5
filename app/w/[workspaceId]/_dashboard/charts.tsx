import { channelName, formatHours, formatMoney, type ChannelKey, type ChannelResult } from '@/lib/payoff';
import type { MonthlyPoint } from '@/lib/data/dashboard';

const CHANNEL_COLORS: Record<ChannelKey, string> = {
  events: '#b45309',
  organizations: '#1d4ed8',
  volunteering: '#15803d',
  stretch: '#7c3aed',
  interviews: '#0e7490',
  linkedin: '#0369a1',
  other: '#57534e',
};

/**
 * The dashboard's main picture: per channel, a dot for what an hour is estimated to return, a bar
 * for its plausible range and a line at the person's own hourly value, on a log scale so that
 * "twice" and "half" look the same size (server-rendered SVG with a text alternative).
 */
export function ValueRangeChart({ channels, currency }: { channels: ChannelResult[]; currency: string }) {
  if (channels.length === 0) return null;
  const money = (n: number) => formatMoney(n, currency);
  const yardstick = channels[0]!.yardstick;
  const lo = Math.max(0.5, Math.min(yardstick / 10, ...channels.map((c) => Math.max(c.value.low, 0.5))));
  const hi = Math.max(yardstick * 10, ...channels.map((c) => c.value.high));
  const labelW = 112;
  const plotW = 200;
  const rowH = 30;
  const top = 18;
  const height = top + channels.length * rowH + 20;
  const x = (v: number) => labelW + ((Math.log(Math.max(v, lo)) - Math.log(lo)) / (Math.log(hi) - Math.log(lo))) * plotW;
  const describe = channels
    .map(
      (c) =>
        `${c.name}: about ${money(c.value.estimate)} an hour, plausibly ${money(c.value.low)} to ${money(c.value.high)}; ` +
        `${c.grade ? `grade ${c.grade}` : 'too early to grade'}, ${c.verdict}`,
    )
    .join('; ');
  const ys = x(yardstick);
  return (
    <figure className="card">
      <figcaption className="font-semibold">What an hour returns</figcaption>
      <p className="text-sm text-stone-600">
        Dot: the estimate. Bar: the plausible range. Line: your {money(yardstick)} an hour{channels[0]!.yardstickIsOwn ? '' : ' (the default; set yours in settings)'}.
      </p>
      <svg viewBox={`0 0 ${labelW + plotW + 16} ${height}`} className="mt-3 w-full" role="img" aria-labelledby="vr-title vr-desc">
        <title id="vr-title">What an hour returns per channel, against your hourly value</title>
        <desc id="vr-desc">{describe}</desc>
        <line x1={ys} x2={ys} y1={top - 6} y2={height - 16} stroke="#1d4ed8" strokeWidth={1.5} strokeDasharray="3 2" />
        <text x={ys} y={top - 8} fontSize="10" textAnchor="middle" fill="#1d4ed8">
          {money(yardstick)}/h
        </text>
        {channels.map((c, i) => {
          const y = top + i * rowH + rowH / 2;
          const drain = c.verdict === 'Time drain';
          const colour = drain ? '#b91c1c' : c.grade === null ? '#78716c' : '#15803d';
          return (
            <g key={c.channel}>
              <text x={0} y={y + 4} fontSize="12" fill="#292524">
                {shortName(c.channel)}
              </text>
              <rect x={x(c.value.low)} y={y - 4} width={Math.max(x(c.value.high) - x(c.value.low), 2)} height={8} rx={4} fill={colour} opacity={0.25} />
              <circle cx={x(c.value.estimate)} cy={y} r={5} fill={colour} />
            </g>
          );
        })}
        <text x={labelW} y={height - 4} fontSize="10" fill="#57534e">
          {money(lo)}
        </text>
        <text x={labelW + plotW} y={height - 4} fontSize="10" textAnchor="end" fill="#57534e">
          {money(hi)}
        </text>
      </svg>
    </figure>
  );
}

/** Hours invested beside value won, per channel, as paired horizontal bars (server-rendered SVG). */
export function HoursVsValueChart({ channels, currency }: { channels: ChannelResult[]; currency: string }) {
  const maxHours = Math.max(1, ...channels.map((c) => c.hours));
  const maxValue = Math.max(1, ...channels.map((c) => c.wonValue));
  const rowH = 44;
  // Kept narrow so that, scaled down to a phone's width, the labels stay readable.
  const labelW = 112;
  const barW = 168;
  const height = channels.length * rowH + 24;
  return (
    <figure className="card">
      <figcaption className="font-semibold">Hours invested vs. value won</figcaption>
      <p className="text-sm text-stone-600">Grey bars: hours. Green bars: value won in the period.</p>
      <svg viewBox={`0 0 ${labelW + barW + 80} ${height}`} className="mt-3 w-full" role="img" aria-labelledby="hv-title hv-desc">
        <title id="hv-title">Hours invested vs. value won per channel</title>
        <desc id="hv-desc">
          {channels.map((c) => `${c.name}: ${formatHours(c.hours)}, ${formatMoney(c.wonValue, currency)} won`).join('; ')}
        </desc>
        {channels.map((c, i) => {
          const y = 12 + i * rowH;
          const hw = (c.hours / maxHours) * barW;
          const vw = (c.wonValue / maxValue) * barW;
          return (
            <g key={c.channel}>
              <text x={0} y={y + 16} fontSize="12" fill="#292524">
                {shortName(c.channel)}
              </text>
              <rect x={labelW} y={y + 2} width={Math.max(hw, 1)} height={14} fill="#a8a29e" rx={2} />
              <text x={labelW + Math.max(hw, 1) + 4} y={y + 14} fontSize="11" fill="#44403c">
                {formatHours(c.hours)}
              </text>
              <rect x={labelW} y={y + 19} width={Math.max(vw, c.wonValue > 0 ? 1 : 0)} height={14} fill="#15803d" rx={2} />
              <text x={labelW + Math.max(vw, 1) + 4} y={y + 31} fontSize="11" fill="#14532d">
                {formatMoney(c.wonValue, currency)}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}

function shortName(channel: ChannelKey): string {
  const names: Record<ChannelKey, string> = {
    events: 'Events',
    organizations: 'Organizations',
    volunteering: 'Volunteering',
    stretch: 'Stretch projects',
    interviews: 'Interviews',
    linkedin: 'LinkedIn',
    other: 'Other',
  };
  return names[channel];
}

/**
 * Every month from the first given to `through` ("YYYY-MM"), so quiet months, and the month the
 * period ends in (today's, empty so far), keep their place on the axis.
 */
function monthRange(present: string[], through: string): string[] {
  if (present.length === 0) return [];
  const sorted = [...present].sort();
  const last = sorted[sorted.length - 1] > through ? sorted[sorted.length - 1] : through;
  const [endYear, endMonth] = last.split('-').map(Number);
  let [year, month] = sorted[0].split('-').map(Number);
  const months: string[] = [];
  while (year < endYear || (year === endYear && month <= endMonth)) {
    months.push(`${year}-${String(month).padStart(2, '0')}`);
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  return months;
}

/** Monthly hours as stacked bars per channel, with the opportunities opened that month above each bar. */
export function MonthlyTrendChart({ points, through }: { points: MonthlyPoint[]; through: string }) {
  const months = monthRange(points.map((p) => p.month), through.slice(0, 7)).slice(-12);
  const channels = [...new Set(points.map((p) => p.channel))];
  const totals = months.map((m) => points.filter((p) => p.month === m).reduce((s, p) => s + p.hours, 0));
  const opps = months.map((m) => points.filter((p) => p.month === m).reduce((s, p) => s + p.opportunities, 0));
  const maxHours = Math.max(1, ...totals);
  const chartH = 140;
  const colW = 36;
  const width = Math.max(months.length * colW + 40, 200);
  const describe = months
    .map((m, i) => `${m}: ${formatHours(totals[i])}, ${opps[i]} ${opps[i] === 1 ? 'opportunity' : 'opportunities'}`)
    .join('; ');
  return (
    <figure className="card">
      <figcaption className="font-semibold">Monthly trend</figcaption>
      <p className="text-sm text-stone-600">Bars: hours per month by channel. Numbers above: opportunities opened.</p>
      {months.length === 0 ? (
        <p className="mt-3 text-stone-600">No hours logged in this period.</p>
      ) : (
        <>
          <svg viewBox={`0 0 ${width} ${chartH + 40}`} className="mt-3 w-full" role="img" aria-labelledby="mt-title mt-desc">
            <title id="mt-title">Hours per month by channel, with opportunities opened</title>
            <desc id="mt-desc">{describe}</desc>
            {months.map((m, i) => {
              let y = chartH + 14;
              const x = 20 + i * colW;
              return (
                <g key={m}>
                  {channels.map((ch) => {
                    const p = points.find((q) => q.month === m && q.channel === ch);
                    if (!p || p.hours <= 0) return null;
                    const h = (p.hours / maxHours) * chartH;
                    y -= h;
                    return <rect key={ch} x={x} y={y} width={colW - 8} height={h} fill={CHANNEL_COLORS[ch]} />;
                  })}
                  {opps[i] > 0 ? (
                    <text x={x + (colW - 8) / 2} y={y - 3} fontSize="11" textAnchor="middle" fill="#14532d" fontWeight="bold">
                      {opps[i]}
                    </text>
                  ) : null}
                  <text x={x + (colW - 8) / 2} y={chartH + 30} fontSize="10" textAnchor="middle" fill="#44403c">
                    {m.slice(5)}/{m.slice(2, 4)}
                  </text>
                </g>
              );
            })}
          </svg>
          <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-xs text-stone-700" aria-label="Legend">
            {channels.map((ch) => (
              <li key={ch} className="flex items-center gap-1">
                <span aria-hidden="true" className="inline-block h-3 w-3 rounded-sm" style={{ background: CHANNEL_COLORS[ch] }} />
                {channelName(ch)}
              </li>
            ))}
          </ul>
        </>
      )}
      <details className="mt-3 text-sm">
        <summary className="cursor-pointer font-medium text-brand-700">Data behind this chart</summary>
        <div className="mt-2 overflow-x-auto">
          <table className="w-full text-left">
            <thead>
              <tr>
                <th className="py-1 pr-3">Month</th>
                <th className="py-1 pr-3">Hours</th>
                <th className="py-1">Opportunities</th>
              </tr>
            </thead>
            <tbody>
              {months.map((m, i) => (
                <tr key={m} className="border-t border-stone-100">
                  <td className="py-1 pr-3">{m}</td>
                  <td className="py-1 pr-3">{formatHours(totals[i])}</td>
                  <td className="py-1">{opps[i]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
