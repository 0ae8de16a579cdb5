import { describe, expect, it } from 'vitest';
import { renderCoachDigest, renderDailyNudge, renderWeeklyDigest } from './email';

const EVIL = '<script>alert(1)</script>';
const links = { prefsUrl: 'https://gw.test/account/notifications', unsubscribeUrl: 'https://gw.test/r/unsub.sig' };

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
