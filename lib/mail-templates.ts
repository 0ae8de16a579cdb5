// Every e-mail Groundwork sends, as text and HTML, through one layout: a greeting, the message,
// and a footer with the app's address (and, for reminders the reader chose, how to stop them and
// where all e-mail settings are). Short, readable on a phone, inline styles only (mail clients
// drop stylesheets), every piece of user text escaped in the HTML part. No database, no I/O.

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

/** Escapes text for the HTML part of an e-mail. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const esc = escapeHtml;

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function hours(h: number): string {
  const rounded = Math.round(h * 10) / 10;
  return `${rounded} h`;
}

const FONT = 'font-family:-apple-system,Segoe UI,Roboto,Helvetica,Arial,sans-serif;';
const LINK = 'color:#166534;';
const PARAGRAPH = 'margin:0 0 12px;';

function link(url: string, label: string, style = ''): string {
  return `<a style="${LINK}${style}" href="${esc(url)}">${esc(label)}</a>`;
}

/** Where the reader turns off a message they chose to get. */
export function notificationSettingsUrl(origin: string): string {
  return `${origin}/account/notifications`;
}

interface Settings {
  /** Why they get this message, in words. */
  reason: string;
  unsubscribeUrl: string;
  unsubscribeLabel: string;
}

interface Message {
  subject: string;
  /** The reader's name for the greeting; "Hello," alone when it is not known. */
  name?: string | null;
  /** The text part after the greeting, a line an entry. */
  text: string[];
  /** The same in HTML, user text already escaped. */
  html: string;
  /** The app's address, e.g. https://groundwork.example. */
  origin: string;
  /** For a message the reader chose to get: why, and how to stop it. */
  settings?: Settings;
}

/** The one layout every message is rendered through. */
function layout(m: Message): RenderedMail {
  const hello = m.name ? `Hello ${m.name},` : 'Hello,';
  const body = [...m.text];
  while (body.length && body[body.length - 1] === '') body.pop();
  const s = m.settings;
  const prefsUrl = notificationSettingsUrl(m.origin);
  const footerText = [...(s ? [s.reason, `${s.unsubscribeLabel}: ${s.unsubscribeUrl}`, `All e-mail settings: ${prefsUrl}`] : []), `Groundwork: ${m.origin}`];
  const footerHtml =
    (s ? `${esc(s.reason)}<br>${link(s.unsubscribeUrl, s.unsubscribeLabel)} · ${link(prefsUrl, 'All e-mail settings')}<br>` : '')
    + link(m.origin, 'Groundwork');
  const html =
    `<!doctype html><html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${esc(m.subject)}</title></head>`
    + `<body style="margin:0;padding:0;background:#fafaf9;"><div style="${FONT}max-width:560px;margin:0 auto;padding:16px;color:#1c1917;font-size:16px;line-height:1.5;">`
    + `<h1 style="font-size:20px;margin:0 0 12px;">${esc(m.subject)}</h1><p style="${PARAGRAPH}">${esc(hello)}</p>${m.html}`
    + `<hr style="border:none;border-top:1px solid #e7e5e4;margin:24px 0 12px;"><p style="font-size:13px;color:#57534e;margin:0;">${footerHtml}</p>`
    + `</div></body></html>`;
  return { subject: m.subject, text: [hello, '', ...body, '', '-- ', ...footerText].join('\n'), html };
}

/** A paragraph as plain text (escaped for HTML), or as text and HTML that say the same. */
type Paragraph = string | { text: string; html: string };

/** A message of a few paragraphs, as account and invitation mail is. */
function letter(m: Omit<Message, 'text' | 'html'> & { paragraphs: Paragraph[] }): RenderedMail {
  const text = m.paragraphs.flatMap((p) => [typeof p === 'string' ? p : p.text, '']);
  const html = m.paragraphs.map((p) => `<p style="${PARAGRAPH}">${typeof p === 'string' ? esc(p) : p.html}</p>`).join('');
  return layout({ ...m, text, html });
}

// ---------------------------------------------------------------- account and invitation mail

interface ToPerson {
  name: string;
  origin: string;
}

/** To the holder of an address someone tried to sign up with, instead of telling the visitor. */
export function signUpAttemptMail({ name, origin }: ToPerson): RenderedMail {
  const signInUrl = `${origin}/signin`;
  const resetUrl = `${origin}/forgot-password`;
  return letter({
    subject: 'Someone tried to sign up with your address',
    name,
    origin,
    paragraphs: [
      'Someone just tried to create a Groundwork account with this e-mail address. You already have one, so nothing was created.',
      {
        text: `If it was you, sign in: ${signInUrl}\nForgot your password? Reset it: ${resetUrl}`,
        html: `If it was you, ${link(signInUrl, 'sign in')} or ${link(resetUrl, 'reset your password')}.`,
      },
      'If it was not you, you can ignore this message; your account is unchanged.',
    ],
  });
}

/** The link that confirms a new account's address. */
export function verifyEmailMail({ name, origin, url }: ToPerson & { url: string }): RenderedMail {
  return letter({
    subject: 'Confirm your e-mail address for Groundwork',
    name,
    origin,
    paragraphs: [
      {
        text: `Open this link to confirm that this is your e-mail address. It works once and expires in 24 hours:\n${url}`,
        html: `${link(url, 'Confirm your e-mail address')}. The link works once and expires in 24 hours.`,
      },
      'If you did not create a Groundwork account, ignore this message.',
    ],
  });
}

/** The link that sets a new password. */
export function passwordResetMail({ name, origin, url }: ToPerson & { url: string }): RenderedMail {
  const ask = 'Someone (hopefully you) asked to reset the password of your Groundwork account.';
  return letter({
    subject: 'Reset your Groundwork password',
    name,
    origin,
    paragraphs: [
      {
        text: `${ask} Open this link to choose a new one. It works once and expires in 1 hour:\n${url}`,
        html: `${esc(ask)} ${link(url, 'Choose a new password')}. The link works once and expires in 1 hour.`,
      },
      'If you did not ask, ignore this message: your password stays as it is.',
    ],
  });
}

/** Tells the account that its password was reset by link (every device signed out) or changed (the others signed out). */
export function passwordChangedMail({ name, origin, how }: ToPerson & { how: 'reset' | 'changed' }): RenderedMail {
  const reset = how === 'reset';
  return letter({
    subject: 'Your Groundwork password was changed',
    name,
    origin,
    paragraphs: [
      reset
        ? 'The password of your Groundwork account was just reset, and every device was signed out.'
        : 'The password of your Groundwork account was just changed, and your other devices were signed out.',
      `If this was not you, reset it ${reset ? 'again ' : ''}at ${origin}/forgot-password right away.`,
    ],
  });
}

/** The link, sent to the new address, that moves the account to it. */
export function emailChangeMail({ name, origin, url }: ToPerson & { url: string }): RenderedMail {
  return letter({
    subject: 'Confirm your new e-mail address for Groundwork',
    name,
    origin,
    paragraphs: [
      {
        text: `Open this link to use this address for your Groundwork account. It works once and expires in 24 hours:\n${url}`,
        html: `${link(url, 'Use this address for your Groundwork account')}. The link works once and expires in 24 hours.`,
      },
      'Until you open it, your account keeps its current address. If you did not ask for this, ignore this message.',
    ],
  });
}

/** Tells the old address that the account moved to a new one. */
export function emailChangedMail({ name, origin, newEmail }: ToPerson & { newEmail: string }): RenderedMail {
  return letter({
    subject: 'Your Groundwork e-mail address was changed',
    name,
    origin,
    paragraphs: [
      `Your Groundwork account now uses ${newEmail} instead of this address.`,
      `If you did not make this change, reset your password at ${origin}/forgot-password with the new address, or reply to this message.`,
    ],
  });
}

/** An invitation to join a workspace, to an address that may have no account yet. */
export function invitationMail(input: { inviterName: string; workspaceName: string; role: string; url: string; origin: string }): RenderedMail {
  const { inviterName, workspaceName, role, url, origin } = input;
  return letter({
    subject: `${inviterName} invited you to ${workspaceName} on Groundwork`,
    origin,
    paragraphs: [
      {
        text: `${inviterName} invited you to join "${workspaceName}" on Groundwork as ${role}.`,
        html: `${esc(inviterName)} invited you to join “${esc(workspaceName)}” on Groundwork as ${esc(role)}.`,
      },
      {
        text: `Open this link to accept (it works once and expires in 7 days):\n${url}`,
        html: `${link(url, 'Accept the invitation')} (it works once and expires in 7 days).`,
      },
      'If you did not expect this, you can ignore this e-mail.',
    ],
  });
}

// ---------------------------------------------------------------- reminders the reader chose

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
  origin: string;
  unsubscribeUrl: string;
}

/** The daily e-mail: what is due, each with a link to the record and one-click done/snooze. */
export function renderDailyNudge(input: NudgeInput): RenderedMail {
  const total = input.sections.reduce((n, s) => n + s.items.length + s.more, 0);
  const subject = `${plural(total, 'follow-up')} due today`;
  const several = input.sections.length > 1;
  const settings: Settings = {
    reason: 'You get this because you turned on the daily follow-up e-mail in Groundwork.',
    unsubscribeUrl: input.unsubscribeUrl,
    unsubscribeLabel: 'Stop the daily e-mail',
  };

  const text: string[] = ['Contacts only remember you if you follow up. Due today:', ''];
  let html = `<p style="margin:0 0 16px;">Contacts only remember you if you follow up. Due today:</p>`;
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
  return layout({ subject, name: input.userName, text, html, origin: input.origin, settings });
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
  origin: string;
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
  const settings: Settings = {
    reason: 'You get this because you turned on the weekly digest in Groundwork.',
    unsubscribeUrl: input.unsubscribeUrl,
    unsubscribeLabel: 'Stop the weekly digest',
  };
  const several = input.workspaces.length > 1;
  const text: string[] = [`Your week of ${input.weekLabel}.`, ''];
  let html = `<p style="margin:0 0 12px;">Your week of ${esc(input.weekLabel)}.</p>`;
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
  return layout({ subject, name: input.userName, text, html, origin: input.origin, settings });
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
  origin: string;
  unsubscribeUrl: string;
}

/** The coach's weekly e-mail: each client's hours, wins and contacts going cold, in brief. */
export function renderCoachDigest(input: CoachDigestInput): RenderedMail {
  const subject = `Your clients' week: ${input.weekLabel}`;
  const settings: Settings = {
    reason: 'You get this because you turned on the weekly coach digest in Groundwork.',
    unsubscribeUrl: input.unsubscribeUrl,
    unsubscribeLabel: 'Stop the coach digest',
  };
  const text: string[] = [`Your clients' week of ${input.weekLabel}:`, ''];
  let html = `<p style="margin:0 0 12px;">Your clients' week of ${esc(input.weekLabel)}:</p>`;
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
  text.push(`All clients side by side: ${input.rosterUrl}`);
  html += `<p style="margin:8px 0 0;"><a style="${LINK}font-weight:600;" href="${esc(input.rosterUrl)}">All clients side by side</a></p>`;
  return layout({ subject, name: input.userName, text, html, origin: input.origin, settings });
}
