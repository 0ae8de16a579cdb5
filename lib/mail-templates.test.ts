import { describe, expect, it } from 'vitest';
import {
  emailChangedMail,
  emailChangeMail,
  invitationMail,
  passwordChangedMail,
  passwordResetMail,
  renderCoachDigest,
  renderDailyNudge,
  renderWeeklyDigest,
  signUpAttemptMail,
  verifyEmailMail,
} from './mail-templates';

const EVIL = '<script>alert(1)</script>';
const links = { origin: 'https://gw.test', unsubscribeUrl: 'https://gw.test/r/unsub.sig' };

describe('daily nudge', () => {
  const mail = renderDailyNudge({
    userName: 'Robin & co',
    sections: [
      {
        workspaceName: 'Robin\'s "workspace"',
        workspaceUrl: 'https://gw.test/w/1',
        items: [
          {
            title: EVIL,
            reasons: ['Follow-up planned for today'],
            url: 'https://gw.test/w/1/contacts/2',
            doneUrl: 'https://gw.test/r/done.sig',
            snooze7Url: 'https://gw.test/r/s7.sig',
            snooze30Url: 'https://gw.test/r/s30.sig',
          },
        ],
        more: 3,
      },
    ],
    ...links,
  });

  it('lists the item with its record link and one-click links in both parts', () => {
    expect(mail.subject).toBe('4 follow-ups due today');
    for (const part of [mail.text, mail.html]) {
      expect(part).toContain('https://gw.test/w/1/contacts/2');
      expect(part).toContain('https://gw.test/r/done.sig');
      expect(part).toContain('https://gw.test/r/s7.sig');
      expect(part).toContain('https://gw.test/r/s30.sig');
      expect(part).toContain('https://gw.test/r/unsub.sig');
      expect(part).toContain('3 more');
    }
    expect(mail.text).toContain('Mark done: https://gw.test/r/done.sig');
  });

  it('escapes user text in HTML and keeps it verbatim in text', () => {
    expect(mail.text).toContain(`* ${EVIL}`);
    expect(mail.text).toContain('Hello Robin & co,');
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(mail.html).toContain('Robin &amp; co');
  });

  it('uses inline styles only', () => {
    expect(mail.html).not.toMatch(/<style|<link|class=/);
  });

  it('names workspaces only when there are several', () => {
    expect(mail.text).not.toContain('== ');
  });
});

describe('weekly digest', () => {
  const mail = renderWeeklyDigest({
    userName: 'Robin',
    weekLabel: '2 Mar 2026 – 8 Mar 2026',
    workspaces: [
      {
        name: EVIL,
        url: 'https://gw.test/w/1',
        channels: [
          { name: 'Informational interviews', hours: 3, averageHours: 1.5 },
          { name: 'LinkedIn', hours: 0, averageHours: 0 },
          { name: 'Networking events & happy hours', hours: 1, averageHours: 2 },
        ],
        best: { name: 'Informational interviews', grade: 'A', verdict: 'Pays off' },
        worst: { name: 'Networking events & happy hours', grade: null, verdict: 'Time drain' },
        newOpportunities: [EVIL],
        newOpportunityCount: 2,
        cold: ['Ana'],
        coldCount: 1,
      },
      {
        name: 'Second',
        url: 'https://gw.test/w/2',
        channels: [],
        best: null,
        worst: null,
        newOpportunities: [],
        newOpportunityCount: 0,
        cold: [],
        coldCount: 0,
      },
    ],
    ...links,
  });

  it('compares hours with the usual and names the best and weakest channel', () => {
    expect(mail.text).toContain('Hours this week: 4 h');
    expect(mail.text).toContain('- Informational interviews: 3 h (usual 1.5 h; 1.5 h more than usual)');
    expect(mail.text).toContain('- Networking events & happy hours: 1 h (usual 2 h; 1 h less than usual)');
    expect(mail.text).not.toContain('- LinkedIn');
    expect(mail.text).toContain('Best channel (last 12 months): Informational interviews, grade A (Pays off)');
    // A channel without enough data is never given a letter it has not earned.
    expect(mail.text).toContain('Weakest channel: Networking events & happy hours, too early to grade (Time drain)');
    expect(mail.text).toContain(`New opportunities: 2 (${EVIL} and 1 more)`);
    expect(mail.text).toContain('Going cold: 1 (Ana)');
    expect(mail.text).toContain('Going cold: nobody');
    expect(mail.text).toContain('Nothing logged this week or the four before.');
    expect(mail.text).toContain(`== ${EVIL} ==`);
  });

  it('escapes every piece of user text in HTML', () => {
    expect(mail.html).not.toContain('<script>');
    expect(mail.html.match(/&lt;script&gt;/g)?.length).toBeGreaterThanOrEqual(2);
    expect(mail.html).toContain('Networking events &amp; happy hours');
  });
});

describe('coach digest', () => {
  it('gives each client in brief, escaped', () => {
    const mail = renderCoachDigest({
      userName: 'Coach',
      weekLabel: '2 Mar 2026 – 8 Mar 2026',
      clients: [{ workspaceName: EVIL, url: 'https://gw.test/w/9', hours: 4.5, won: 1, coldCount: 2, goals: ['1 of 2 informational interviews a week', EVIL] }],
      rosterUrl: 'https://gw.test/roster',
      ...links,
    });
    expect(mail.text).toContain(`* ${EVIL}\n  4.5 h logged, 1 opportunity won, 2 contacts going cold\n  Goal: 1 of 2 informational interviews a week`);
    expect(mail.html).toContain('Goal: 1 of 2 informational interviews a week');
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain('https://gw.test/roster');
    expect(mail.text).toContain('Stop the coach digest: https://gw.test/r/unsub.sig');
  });
});

describe('one layout for every message', () => {
  const origin = 'https://gw.test';
  const url = 'https://gw.test/verify-email/token';
  const account = [
    signUpAttemptMail({ name: EVIL, origin }),
    verifyEmailMail({ name: EVIL, origin, url }),
    passwordResetMail({ name: EVIL, origin, url }),
    passwordChangedMail({ name: EVIL, origin, how: 'reset' }),
    passwordChangedMail({ name: EVIL, origin, how: 'changed' }),
    emailChangeMail({ name: EVIL, origin, url }),
    emailChangedMail({ name: EVIL, origin, newEmail: 'new@example.com' }),
  ];
  const invitation = invitationMail({ inviterName: EVIL, workspaceName: 'Robin & co', role: 'coach', url: 'https://gw.test/invite/t', origin });
  const reminders = [
    renderDailyNudge({ userName: EVIL, sections: [], ...links }),
    renderWeeklyDigest({ userName: EVIL, weekLabel: 'a week', workspaces: [], ...links }),
    renderCoachDigest({ userName: EVIL, weekLabel: 'a week', clients: [], rosterUrl: 'https://gw.test/roster', ...links }),
  ];

  it('greets the reader, and ends every part with the app address', () => {
    for (const mail of [...account, ...reminders]) {
      expect(mail.text.startsWith(`Hello ${EVIL},\n\n`)).toBe(true);
      expect(mail.html).toContain('Hello &lt;script&gt;alert(1)&lt;/script&gt;,');
    }
    expect(invitation.text.startsWith('Hello,\n\n')).toBe(true);
    for (const mail of [...account, invitation, ...reminders]) {
      expect(mail.text).toContain('\n\n-- \n');
      expect(mail.text.endsWith('\nGroundwork: https://gw.test')).toBe(true);
      expect(mail.html).toContain('href="https://gw.test">Groundwork</a>');
      expect(mail.html).not.toContain('<script>');
      expect(mail.html).not.toMatch(/<style|<link|class=/);
    }
  });

  it('says how to stop a reminder and where all e-mail settings are, and only on reminders', () => {
    for (const mail of reminders) {
      expect(mail.text).toContain('All e-mail settings: https://gw.test/account/notifications');
      expect(mail.html).toContain('href="https://gw.test/account/notifications"');
    }
    for (const mail of [...account, invitation]) expect(mail.text).not.toContain('/account/notifications');
  });

  it('puts the action link first, as the only link before the footer', () => {
    for (const mail of [account[1], account[2], account[5]]) expect(/https?:\/\/\S+/.exec(mail.text)![0]).toBe(url);
    expect(/https?:\/\/\S+/.exec(invitation.text)![0]).toBe('https://gw.test/invite/t');
    expect(invitation.subject).toBe(`${EVIL} invited you to Robin & co on Groundwork`);
    expect(invitation.html).toContain('Robin &amp; co');
  });
});
