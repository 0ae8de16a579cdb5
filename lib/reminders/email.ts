// Reminder e-mails as text and HTML: short, readable on a phone, inline styles only (mail clients
// drop stylesheets), every piece of user text escaped in the HTML part.

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

/** Escapes text for HTML. */
export function esc(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function hours(h: number): string {
  const rounded = Math.round(h * 10) / 10;
  return `${rounded} h`;
}

const FONT = 'font-family:-apple-system,Segoe UI,Roboto,Helvetica,Arial,sans-serif;';
const LINK = 'color:#166534;';

function page(title: string, body: string, footer: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${esc(title)}</title></head>`
    + `<body style="margin:0;padding:0;background:#fafaf9;"><div style="${FONT}max-width:560px;margin:0 auto;padding:16px;color:#1c1917;font-size:16px;line-height:1.5;">`
    + `<h1 style="font-size:20px;margin:0 0 12px;">${esc(title)}</h1>${body}`
    + `<hr style="border:none;border-top:1px solid #e7e5e4;margin:24px 0 12px;"><p style="font-size:13px;color:#57534e;margin:0;">${footer}</p>`
    + `</div></body></html>`;
}

interface Footer {
  /** Why they get this message, in words. */
  reason: string;
  prefsUrl: string;
  unsubscribeUrl: string;
  unsubscribeLabel: string;
}

function footerText(f: Footer): string {
  return `${f.reason}\n${f.unsubscribeLabel}: ${f.unsubscribeUrl}\nAll e-mail settings: ${f.prefsUrl}`;
}

function footerHtml(f: Footer): string {
  return `${esc(f.reason)}<br><a style="${LINK}" href="${esc(f.unsubscribeUrl)}">${esc(f.unsubscribeLabel)}</a> · <a style="${LINK}" href="${esc(f.prefsUrl)}">All e-mail settings</a>`;
}

// ---------------------------------------------------------------- daily nudge

export interface NudgeItem {
  title: string;
  reasons: string[];
  url: string;
  doneUrl: string;
  snooze7Url: string;
  snooze30Url: string;
}

export interface NudgeSection {
  workspaceName: string;
  workspaceUrl: string;
  items: NudgeItem[];
  /** Items due beyond those listed. */
  more: number;
}

export interface NudgeInput {
  userName: string;
  sections: NudgeSection[];
  prefsUrl: string;
  unsubscribeUrl: string;
}

/** The daily e-mail: what is due, each with a link to the record and one-click done/snooze. */
export function renderDailyNudge(input: NudgeInput): RenderedMail {
  const total = input.sections.reduce((n, s) => n + s.items.length + s.more, 0);
  const subject = `${plural(total, 'follow-up')} due today`;
  const several = input.sections.length > 1;
  const footer: Footer = {
    reason: 'You get this because you turned on the daily follow-up e-mail in Groundwork.',
    prefsUrl: input.prefsUrl,
    unsubscribeUrl: input.unsubscribeUrl,
    unsubscribeLabel: 'Stop the daily e-mail',
  };

  const text: string[] = [`Hello ${input.userName},`, '', 'Contacts only remember you if you follow up. Due today:', ''];
  let html = `<p style="margin:0 0 16px;">Hello ${esc(input.userName)}, contacts only remember you if you follow up. Due today:</p>`;
  for (const s of input.sections) {
    if (several) {
      text.push(`== ${s.workspaceName} ==`, '');
      html += `<h2 style="font-size:17px;margin:20px 0 8px;">${esc(s.workspaceName)}</h2>`;
    }
    for (const item of s.items) {
      text.push(`* ${item.title}`);
      for (const r of item.reasons) text.push(`  ${r}`);
      text.push(`  Open: ${item.url}`, `  Mark done: ${item.doneUrl}`, `  Snooze 7 days: ${item.snooze7Url}`, `  Snooze 30 days: ${item.snooze30Url}`, '');
      html += `<div style="border:1px solid #e7e5e4;border-radius:8px;background:#fff;padding:12px;margin:0 0 10px;">`
        + `<p style="margin:0;font-weight:600;"><a style="${LINK}" href="${esc(item.url)}">${esc(item.title)}</a></p>`
        + item.reasons.map((r) => `<p style="margin:2px 0 0;color:#44403c;font-size:15px;">${esc(r)}</p>`).join('')
        + `<p style="margin:8px 0 0;font-size:15px;"><a style="${LINK}font-weight:600;" href="${esc(item.doneUrl)}">Mark done</a>`
        + ` · <a style="${LINK}" href="${esc(item.snooze7Url)}">Snooze 7 days</a> · <a style="${LINK}" href="${esc(item.snooze30Url)}">Snooze 30 days</a></p></div>`;
    }
    if (s.more > 0) {
      text.push(`…and ${s.more} more: ${s.workspaceUrl}`, '');
      html += `<p style="margin:0 0 10px;"><a style="${LINK}" href="${esc(s.workspaceUrl)}">…and ${s.more} more in Groundwork</a></p>`;
    }
  }
  text.push('-- ', footerText(footer));
  return { subject, text: text.join('\n'), html: page(subject, html, footerHtml(footer)) };
}

// ---------------------------------------------------------------- weekly digest

export interface DigestChannel {
  name: string;
  hours: number;
  /** Average hours per week over the four weeks before. */
  averageHours: number;
}

export interface DigestWorkspace {
  name: string;
  url: string;
  channels: DigestChannel[];
  best: { name: string; grade: string | null; verdict: string } | null;
  worst: { name: string; grade: string | null; verdict: string } | null;
  newOpportunities: string[];
  newOpportunityCount: number;
  cold: string[];
  coldCount: number;
}

export interface DigestInput {
  userName: string;
  weekLabel: string;
  workspaces: DigestWorkspace[];
  prefsUrl: string;
  unsubscribeUrl: string;
}

function trend(c: DigestChannel): string {
  const diff = Math.round((c.hours - c.averageHours) * 10) / 10;
  if (c.averageHours === 0 && c.hours === 0) return '';
  if (Math.abs(diff) < 0.05) return 'same as usual';
  return diff > 0 ? `${hours(diff)} more than usual` : `${hours(-diff)} less than usual`;
}

function listWithMore(names: string[], count: number): string {
  const more = count - names.length;
  return names.join(', ') + (more > 0 ? ` and ${more} more` : '');
}

/** The weekly e-mail: hours per channel against the usual, best and worst channel, new opportunities, who went cold. */
export function renderWeeklyDigest(input: DigestInput): RenderedMail {
  const subject = `Your networking week: ${input.weekLabel}`;
  const footer: Footer = {
    reason: 'You get this because you turned on the weekly digest in Groundwork.',
    prefsUrl: input.prefsUrl,
    unsubscribeUrl: input.unsubscribeUrl,
    unsubscribeLabel: 'Stop the weekly digest',
  };
  const several = input.workspaces.length > 1;
  const text: string[] = [`Hello ${input.userName},`, '', `Your week of ${input.weekLabel}.`, ''];
  let html = `<p style="margin:0 0 12px;">Hello ${esc(input.userName)}, your week of ${esc(input.weekLabel)}.</p>`;
  for (const w of input.workspaces) {
    if (several) {
      text.push(`== ${w.name} ==`, '');
      html += `<h2 style="font-size:17px;margin:20px 0 8px;">${esc(w.name)}</h2>`;
    }
    const total = w.channels.reduce((n, c) => n + c.hours, 0);
    const active = w.channels.filter((c) => c.hours > 0 || c.averageHours > 0);
    text.push(`Hours this week: ${hours(total)}`);
    html += `<p style="margin:0 0 6px;font-weight:600;">Hours this week: ${hours(total)}</p>`;
    if (active.length === 0) {
      text.push('Nothing logged this week or the four before.');
      html += `<p style="margin:0 0 10px;color:#44403c;">Nothing logged this week or the four before.</p>`;
    } else {
      html += `<ul style="margin:0 0 10px;padding-left:20px;">`;
      for (const c of active) {
        const t = trend(c);
        text.push(`- ${c.name}: ${hours(c.hours)} (usual ${hours(c.averageHours)}${t ? `; ${t}` : ''})`);
        html += `<li>${esc(c.name)}: <strong>${hours(c.hours)}</strong> <span style="color:#57534e;">(usual ${hours(c.averageHours)}${t ? `; ${esc(t)}` : ''})</span></li>`;
      }
      html += `</ul>`;
    }
    const verdicts: string[] = [];
    const graded = (c: { grade: string | null; verdict: string }) => (c.grade ? `grade ${c.grade} (${c.verdict})` : c.verdict === 'Too early' ? 'too early to grade' : `too early to grade (${c.verdict})`);
    if (w.best) verdicts.push(`Best channel (last 12 months): ${w.best.name}, ${graded(w.best)}`);
    if (w.worst) verdicts.push(`Weakest channel: ${w.worst.name}, ${graded(w.worst)}`);
    verdicts.push(
      w.newOpportunityCount === 0
        ? 'New opportunities: none this week'
        : `New opportunities: ${w.newOpportunityCount} (${listWithMore(w.newOpportunities, w.newOpportunityCount)})`,
    );
    verdicts.push(w.coldCount === 0 ? 'Going cold: nobody' : `Going cold: ${w.coldCount} (${listWithMore(w.cold, w.coldCount)})`);
    for (const v of verdicts) text.push(v);
    text.push(`Open the dashboard: ${w.url}`, '');
    html += verdicts.map((v) => `<p style="margin:0 0 6px;">${esc(v)}</p>`).join('');
    html += `<p style="margin:8px 0 0;"><a style="${LINK}font-weight:600;" href="${esc(w.url)}">Open the dashboard</a></p>`;
  }
  text.push('-- ', footerText(footer));
  return { subject, text: text.join('\n'), html: page(subject, html, footerHtml(footer)) };
}

// ---------------------------------------------------------------- coach digest

export interface CoachClient {
  workspaceName: string;
  url: string;
  hours: number;
  won: number;
  coldCount: number;
  /** Each weekly goal's progress over the digest's week: "1 of 2 informational interviews a week". */
  goals: string[];
}

export interface CoachDigestInput {
  userName: string;
  weekLabel: string;
  clients: CoachClient[];
  rosterUrl: string;
  prefsUrl: string;
  unsubscribeUrl: string;
}

/** The coach's weekly e-mail: each client's hours, wins and contacts going cold, in brief. */
export function renderCoachDigest(input: CoachDigestInput): RenderedMail {
  const subject = `Your clients' week: ${input.weekLabel}`;
  const footer: Footer = {
    reason: 'You get this because you turned on the weekly coach digest in Groundwork.',
    prefsUrl: input.prefsUrl,
    unsubscribeUrl: input.unsubscribeUrl,
    unsubscribeLabel: 'Stop the coach digest',
  };
  const text: string[] = [`Hello ${input.userName},`, '', `Your clients' week of ${input.weekLabel}:`, ''];
  let html = `<p style="margin:0 0 12px;">Hello ${esc(input.userName)}, your clients' week of ${esc(input.weekLabel)}:</p>`;
  for (const c of input.clients) {
    const line = `${hours(c.hours)} logged, ${plural(c.won, 'opportunity', 'opportunities')} won, ${plural(c.coldCount, 'contact')} going cold`;
    const goals = c.goals.map((g) => `Goal: ${g}`);
    text.push(`* ${c.workspaceName}`, `  ${line}`, ...goals.map((g) => `  ${g}`), `  ${c.url}`, '');
    html += `<div style="border:1px solid #e7e5e4;border-radius:8px;background:#fff;padding:12px;margin:0 0 10px;">`
      + `<p style="margin:0;font-weight:600;"><a style="${LINK}" href="${esc(c.url)}">${esc(c.workspaceName)}</a></p>`
      + `<p style="margin:2px 0 0;color:#44403c;font-size:15px;">${esc(line)}</p>`
      + goals.map((g) => `<p style="margin:2px 0 0;color:#44403c;font-size:15px;">${esc(g)}</p>`).join('')
      + `</div>`;
  }
  text.push(`All clients side by side: ${input.rosterUrl}`, '', '-- ', footerText(footer));
  html += `<p style="margin:8px 0 0;"><a style="${LINK}font-weight:600;" href="${esc(input.rosterUrl)}">All clients side by side</a></p>`;
  return { subject, text: text.join('\n'), html: page(subject, html, footerHtml(footer)) };
}
