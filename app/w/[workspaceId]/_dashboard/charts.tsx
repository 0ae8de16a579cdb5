'use client';

// The dashboard's charts render from their figures alone (client components, still rendered on the
// server first), so the page's payload carries those figures rather than a copy of every shape.
import { channelName, type ChannelKey } from '@/lib/payoff/channels';
import { formatHours, formatMoney } from '@/lib/payoff/format';
import type { ChannelFigures, TrendRow, Yardstick } from './figures';

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
 * "twice" and "half" look the same size (SVG with a text alternative).
 */
export function ValueRangeChart({ channels, currency, yardstick: mark }: { channels: ChannelFigures[]; currency: string; yardstick: Yardstick }) {
  if (channels.length === 0) return null;
  const money = (n: number) => formatMoney(n, currency);
  const yardstick = mark.value;
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
  const ys = r1(x(yardstick));
  const rows = channels.map((c, i) => ({ c, y: top + i * rowH + rowH / 2 }));
  return (
    <figure className="card">
      <figcaption className="font-semibold">What an hour returns</figcaption>
      <p className="text-sm text-stone-600">
        {`Dot: the estimate. Bar: the plausible range. Line: your ${money(yardstick)} an hour${mark.own ? '' : ' (the default; set yours in settings)'}.`}
      </p>
      <svg viewBox={`0 0 ${labelW + plotW + 16} ${height}`} className="mt-3 w-full" role="img" aria-labelledby="vr-title vr-desc">
        <title id="vr-title">What an hour returns per channel, against your hourly value</title>
        <desc id="vr-desc">{describe}</desc>
        {/* Attributes shared by many shapes sit on their group, once. */}
        <g fontSize="10" fill="#1d4ed8" textAnchor="middle">
          <line x1={ys} x2={ys} y1={top - 6} y2={height - 16} stroke="#1d4ed8" strokeWidth={1.5} strokeDasharray="3 2" />
          <text x={ys} y={top - 8}>
            {`${money(yardstick)}/h`}
          </text>
        </g>
        <g fontSize="12" fill="#292524">
          {rows.map(({ c, y }) => (
            <text key={c.channel} y={y + 4}>
              {shortName(c.channel)}
            </text>
          ))}
        </g>
        {/* Per colour, one path of round-capped strokes for the ranges (caps inside each range's ends) and one of dots for the estimates. */}
        {colourGroups(rows, ({ c }) => (c.verdict === 'Time drain' ? '#b91c1c' : c.grade === null ? '#78716c' : '#15803d')).map(([colour, group]) => (
          <g key={colour} stroke={colour} strokeLinecap="round">
            <path
              d={group.map(({ c, y }) => `M${r1(x(c.value.low) + 4)} ${y}H${r1(Math.max(x(c.value.high) - 4, x(c.value.low) + 4))}`).join('')}
              strokeWidth={8}
              opacity={0.25}
            />
            <path d={group.map(({ c, y }) => `M${r1(x(c.value.estimate))} ${y}h0`).join('')} strokeWidth={10} />
          </g>
        ))}
        <g fontSize="10" fill="#57534e">
          <text x={labelW} y={height - 4}>
            {money(lo)}
          </text>
          <text x={labelW + plotW} y={height - 4} textAnchor="end">
            {money(hi)}
          </text>
        </g>
      </svg>
    </figure>
  );
}

/** Hours invested beside value won, per channel, as paired horizontal bars (SVG). */
export function HoursVsValueChart({ channels, currency }: { channels: ChannelFigures[]; currency: string }) {
  const maxHours = Math.max(1, ...channels.map((c) => c.hours));
  const maxValue = Math.max(1, ...channels.map((c) => c.wonValue));
  const rowH = 44;
  // Kept narrow so that, scaled down to a phone's width, the labels stay readable.
  const labelW = 112;
  const barW = 168;
  const height = channels.length * rowH + 24;
  const rows = channels.map((c, i) => ({
    c,
    y: 12 + i * rowH,
    hw: Math.max(r1((c.hours / maxHours) * barW), 1),
    vw: Math.max(r1((c.wonValue / maxValue) * barW), 1),
  }));
  return (
    <figure className="card">
      <figcaption className="font-semibold">Hours invested vs. value won</figcaption>
      <p className="text-sm text-stone-600">Grey bars: hours. Green bars: value won in the period.</p>
      <svg viewBox={`0 0 ${labelW + barW + 80} ${height}`} className="mt-3 w-full" role="img" aria-labelledby="hv-title hv-desc">
        <title id="hv-title">Hours invested vs. value won per channel</title>
        <desc id="hv-desc">
          {channels.map((c) => `${c.name}: ${formatHours(c.hours)}, ${formatMoney(c.wonValue, currency)} won`).join('; ')}
        </desc>
        <g fontSize="12" fill="#292524">
          {rows.map(({ c, y }) => (
            <text key={c.channel} y={y + 16}>
              {shortName(c.channel)}
            </text>
          ))}
        </g>
        <path fill="#a8a29e" d={rows.map(({ y, hw }) => bar(labelW, y + 2, hw, 14)).join('')} />
        <g fontSize="11" fill="#44403c">
          {rows.map(({ c, y, hw }) => (
            <text key={c.channel} x={labelW + hw + 4} y={y + 14}>
              {formatHours(c.hours)}
            </text>
          ))}
        </g>
        <path fill="#15803d" d={rows.map(({ c, y, vw }) => (c.wonValue > 0 ? bar(labelW, y + 19, vw, 14) : '')).join('')} />
        <g fontSize="11" fill="#14532d">
          {rows.map(({ c, y, vw }) => (
            <text key={c.channel} x={labelW + vw + 4} y={y + 31}>
              {formatMoney(c.wonValue, currency)}
            </text>
          ))}
        </g>
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
export function MonthlyTrendChart({ rows, through }: { rows: TrendRow[]; through: string }) {
  const points = rows.map(([month, channel, hours, opportunities]) => ({ month, channel, hours, opportunities }));
  const months = monthRange(points.map((p) => p.month), through.slice(0, 7)).slice(-12);
  const channels = [...new Set(points.map((p) => p.channel))];
  const byMonth = new Map(months.map((m) => [m, points.filter((p) => p.month === m)]));
  const totals = months.map((m) => byMonth.get(m)!.reduce((s, p) => s + p.hours, 0));
  const opps = months.map((m) => byMonth.get(m)!.reduce((s, p) => s + p.opportunities, 0));
  const maxHours = Math.max(1, ...totals);
  const chartH = 140;
  const colW = 36;
  const barW = colW - 8;
  const width = Math.max(months.length * colW + 40, 200);
  const left = (i: number) => 20 + i * colW;
  // Each month's bar is stacked in channel order; a channel's rectangles share one group and colour.
  const tops = months.map(() => chartH + 14);
  const stacks = channels.map((ch) => ({
    ch,
    rects: months.flatMap((m, i) => {
      const hours = byMonth.get(m)!.find((p) => p.channel === ch)?.hours ?? 0;
      if (hours <= 0) return [];
      const h = (hours / maxHours) * chartH;
      tops[i] -= h;
      return [{ m, x: left(i), y: r1(tops[i]), h: r1(h) }];
    }),
  }));
  return (
    <figure className="card">
      <figcaption className="font-semibold">Monthly trend</figcaption>
      <p className="text-sm text-stone-600">Bars: hours per month by channel. Numbers above: opportunities opened.</p>
      {months.length === 0 ? (
        <p className="mt-3 text-stone-600">No hours logged in this period.</p>
      ) : (
        <>
          {/* Described by the table of its data below (hidden until opened, but still read out), not by a copy of it. */}
          <svg viewBox={`0 0 ${width} ${chartH + 40}`} className="mt-3 w-full" role="img" aria-labelledby="mt-title" aria-describedby="mt-data">
            <title id="mt-title">Hours per month by channel, with opportunities opened</title>
            {stacks.map(({ ch, rects }) => (
              <path key={ch} fill={CHANNEL_COLORS[ch]} d={rects.map((b) => bar(b.x, b.y, barW, b.h)).join('')} />
            ))}
            <g fontSize="11" textAnchor="middle" fill="#14532d" fontWeight="bold">
              {months.map((m, i) =>
                opps[i] > 0 ? (
                  <text key={m} x={left(i) + barW / 2} y={r1(tops[i] - 3)}>
                    {opps[i]}
                  </text>
                ) : null,
              )}
            </g>
            <g fontSize="10" textAnchor="middle" fill="#44403c">
              {months.map((m, i) => (
                <text key={m} x={left(i) + barW / 2} y={chartH + 30}>
                  {`${m.slice(5)}/${m.slice(2, 4)}`}
                </text>
              ))}
            </g>
          </svg>
          <ul className="chart-legend" aria-label="Legend">
            {channels.map((ch) => (
              <li key={ch}>
                <span aria-hidden="true" style={{ background: CHANNEL_COLORS[ch] }} />
                {channelName(ch)}
              </li>
            ))}
          </ul>
        </>
      )}
      <details className="mt-3 text-sm">
        <summary className="cursor-pointer font-medium text-brand-700">Data behind this chart</summary>
        <div className="mt-2 overflow-x-auto">
          <table id="mt-data" className="data-table">
            <thead>
              <tr>
                <th>Month</th>
                <th>Hours</th>
                <th>Opportunities</th>
              </tr>
            </thead>
            <tbody>
              {months.map((m, i) => (
                <tr key={m}>
                  <td>{m}</td>
                  <td>{formatHours(totals[i])}</td>
                  <td>{opps[i]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}

/** A rectangle as a path segment, so that a chart draws all bars of one colour as one element. */
function bar(x: number, y: number, width: number, height: number): string {
  return `M${x} ${y}h${width}v${height}h${-width}z`;
}

/** Items grouped by the colour they are drawn in, in order of first appearance. */
function colourGroups<T>(items: T[], colourOf: (item: T) => string): Array<[string, T[]]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(colourOf(item), [...(groups.get(colourOf(item)) ?? []), item]);
  return [...groups];
}

/** Coordinates to a tenth of a unit: finer than a phone's pixel, and a few bytes instead of seventeen. */
function r1(n: number): number {
  return Math.round(n * 10) / 10;
}

/**
 * Opportunities credited to each channel under first-touch and last-touch attribution, side by side:
 * more honest than trusting any single model. `uncredited` counts those with nothing to credit.
 */
export function FirstLastCard({ rows, uncredited }: { rows: Array<{ channel: ChannelKey; first: number; last: number }>; uncredited: number }) {
  return (
    <section className="card" aria-labelledby="touch-title">
      <h2 id="touch-title" className="font-semibold">
        Opportunities: first vs. last touch
      </h2>
      <div className="mt-2 overflow-x-auto">
        <table className="data-table text-sm">
          <thead>
            <tr>
              <th>Channel</th>
              <th>First</th>
              <th>Last</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.channel}>
                <td>{channelName(r.channel)}</td>
                <td>{Math.round(r.first * 10) / 10}</td>
                <td>{Math.round(r.last * 10) / 10}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {uncredited > 0 ? (
        <p className="mt-2 text-sm text-stone-600">
          {`${uncredited} ${uncredited === 1 ? 'opportunity has' : 'opportunities have'} no contact or effort to credit.`}
        </p>
      ) : null}
    </section>
  );
}
