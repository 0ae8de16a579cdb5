// Creates a demo account with a believable year of networking, on the configured database.
// Usage: npm run db:seed   (embedded database unless DATABASE_URL is set; stop the app first)
import { eq } from 'drizzle-orm';
import { openDatabase, optionsFromEnv } from '@/db';
import { env } from '@/lib/env';
// The demo password must be hashed exactly as sign-in checks it.
import { hashPassword } from '@/lib/password';
import {
  contacts,
  effortContacts,
  efforts,
  interactions,
  linkedinChecklists,
  memberships,
  opportunities,
  timeEntries,
  users,
  workspaces,
  type NewEffort,
} from '@/db/schema';

const EMAIL = 'demo@groundwork.example';
const PASSWORD = 'groundwork demo 2026';

function daysAgo(n: number): string {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() - n);
  return d.toISOString().slice(0, 10);
}

const handle = await openDatabase({ ...optionsFromEnv(env()), migrate: true });
const { db } = handle;
try {
  await db.transaction(async (tx) => {
    await tx.delete(users).where(eq(users.email, EMAIL));
    const [user] = await tx
      .insert(users)
      .values({ name: 'Dana Reyes', email: EMAIL, passwordHash: await hashPassword(PASSWORD), emailVerifiedAt: new Date() })
      .returning();
    const [ws] = await tx
      .insert(workspaces)
      .values({ name: "Dana's job search", targetNiche: 'biotech marketing writing', hourlyValue: 60, currency: 'USD' })
      .returning();
    await tx.insert(memberships).values({ workspaceId: ws.id, userId: user.id, role: 'owner' });
    await tx.insert(linkedinChecklists).values({ workspaceId: ws.id, summary: true, workHistory: true, degrees: true });

    const effort = async (values: Omit<NewEffort, 'workspaceId'>, entries: Array<[string, number, string?]>) => {
      const hours = entries.reduce((sum, [, h]) => sum + h, 0);
      const [row] = await tx.insert(efforts).values({ ...values, workspaceId: ws.id, hours, createdBy: user.id }).returning();
      for (const [date, h, note] of entries) {
        await tx.insert(timeEntries).values({ workspaceId: ws.id, effortId: row.id, date, hours: h, note: note ?? '' });
      }
      return row;
    };

    const mixers = [];
    for (const [i, venue] of ['The Anchor', 'Rooftop 21', 'Brass Monkey'].entries()) {
      mixers.push(
        await effort(
          {
            channel: 'events', title: `Young professionals happy hour at ${venue}`, date: daysAgo(80 - i * 25),
            moneySpent: 45, drinks: 2 + i, conversations: 6, pitches: 3 + i, advances: i, jobSeekerAsks: 2, usefulContacts: i === 0 ? 1 : 0,
            details: { venue },
          },
          [[daysAgo(80 - i * 25), 3]],
        ),
      );
    }
    const club = await effort(
      {
        channel: 'organizations', title: "Freelancers' club — keeping the books", date: daysAgo(300), moneySpent: 0,
        joinedOn: daysAgo(300), yearlyDues: 120,
        details: { kind: 'freelancers_group', cause: 'Independent writers and designers', contribution: 'Keeps the books' },
      },
      Array.from({ length: 10 }, (_, i) => [daysAgo(300 - i * 30), 4, 'Monthly books and meeting'] as [string, number, string]),
    );
    const favor = await effort(
      {
        channel: 'volunteering', title: 'WordPress site for Luca’s trattoria', date: daysAgo(200),
        details: { helped: 'Luca, owner of Trattoria Sole', what: 'Rebuilt the menu pages and booking form', skill: 'WordPress' },
      },
      [[daysAgo(200), 6], [daysAgo(193), 4]],
    );
    await effort(
      {
        channel: 'stretch', title: 'E-commerce product copy', date: daysAgo(120), similarity: 'unrelated', paidAmount: 300,
        details: { field: 'Retail', client: 'Cozy Socks Co.', status: 'done', similarityReason: 'Consumer retail, not biotech' },
      },
      [[daysAgo(120), 12]],
    );
    const stretch = await effort(
      {
        channel: 'stretch', title: 'Clinical-trial recruitment brochure', date: daysAgo(90), similarity: 'close', paidAmount: 1800,
        details: { field: 'Biotech marketing', client: 'Helix Trials', status: 'done', similarityReason: 'Patient-facing biotech copy' },
      },
      [[daysAgo(90), 10], [daysAgo(80), 8]],
    );
    const interview = await effort(
      {
        channel: 'interviews', title: 'Coffee with a content lead at Genova Bio', date: daysAgo(45), thankYouSent: true, followUpOn: daysAgo(-15),
        details: { person: 'Priya Nair', company: 'Genova Bio', role: 'Content lead', learned: 'They hire freelancers for launch campaigns' },
      },
      [[daysAgo(45), 1.5]],
    );
    await effort(
      {
        channel: 'interviews', title: 'Call with a medical writer', date: daysAgo(5), thankYouSent: false,
        details: { person: 'Tom Becker', company: 'Medscribe', role: 'Senior medical writer' },
      },
      [[daysAgo(5), 0.5]],
    );
    await effort(
      { channel: 'linkedin', title: 'Profile rewrite and outreach', date: daysAgo(60), details: { messages: 14, posts: 3, meetings: 2, connections: 22 } },
      [[daysAgo(60), 5]],
    );

    const contact = async (values: Omit<typeof contacts.$inferInsert, 'workspaceId'>) => {
      const [row] = await tx.insert(contacts).values({ ...values, workspaceId: ws.id, lastTouchOn: values.metOn }).returning();
      if (values.metThroughEffortId) await tx.insert(effortContacts).values({ workspaceId: ws.id, effortId: values.metThroughEffortId, contactId: row.id });
      return row;
    };
    const luca = await contact({ name: 'Luca Bianchi', company: 'Trattoria Sole', role: 'Owner', metThroughEffortId: favor.id, channel: 'volunteering', metOn: daysAgo(200), cadenceDays: 60, tags: ['restaurant'] });
    const mara = await contact({ name: 'Mara Okafor', company: 'Freelancers’ club', role: 'Treasurer', metThroughEffortId: club.id, channel: 'organizations', metOn: daysAgo(290), cadenceDays: 30, tags: ['club'] });
    const priya = await contact({ name: 'Priya Nair', email: 'priya@genova.example', company: 'Genova Bio', role: 'Content lead', metThroughEffortId: interview.id, channel: 'interviews', metOn: daysAgo(45), cadenceDays: 45, tags: ['biotech'] });
    await contact({ name: 'Jake from the mixer', company: 'Refi Now', role: 'Mortgage broker', metThroughEffortId: mixers[0].id, channel: 'events', metOn: daysAgo(80), cadenceDays: 30, tags: ['pitch'] });
    const helix = await contact({ name: 'Ana Souza', company: 'Helix Trials', role: 'Marketing director', metThroughEffortId: stretch.id, channel: 'stretch', metOn: daysAgo(92), cadenceDays: 60 });

    const interaction = async (contactId: string, date: string, kind: 'email' | 'call' | 'meeting' | 'message' | 'favor', direction: 'inbound' | 'outbound' | 'mutual', notes: string) => {
      await tx.insert(interactions).values({ workspaceId: ws.id, contactId, date, kind, direction, notes });
      await tx.update(contacts).set({ lastTouchOn: date }).where(eq(contacts.id, contactId));
    };
    await interaction(luca.id, daysAgo(150), 'call', 'inbound', 'Recommended me to his cousin’s bakery');
    await interaction(mara.id, daysAgo(100), 'email', 'inbound', 'Asked if I take on newsletter work');
    await interaction(priya.id, daysAgo(20), 'email', 'inbound', 'Shared a launch brief');

    await tx.insert(opportunities).values([
      { workspaceId: ws.id, title: 'Bakery website and menu copy', kind: 'gig', contactId: luca.id, stage: 'won', expectedValue: 900, wonValue: 1200, openedOn: daysAgo(150), closedOn: daysAgo(130) },
      { workspaceId: ws.id, title: 'Club newsletter, monthly', kind: 'client', contactId: mara.id, stage: 'won', expectedValue: 2400, wonValue: 2400, openedOn: daysAgo(100), closedOn: daysAgo(85) },
      { workspaceId: ws.id, title: 'Helix Trials brochure', kind: 'client', contactId: helix.id, effortId: stretch.id, stage: 'won', expectedValue: 1800, wonValue: 1800, openedOn: daysAgo(92), closedOn: daysAgo(78) },
      { workspaceId: ws.id, title: 'Genova Bio launch campaign', kind: 'client', contactId: priya.id, stage: 'proposal', expectedValue: 6000, openedOn: daysAgo(18) },
    ]);
  });
  console.log(`Demo account ready. Sign in at http://localhost:3000/signin with\n  email:    ${EMAIL}\n  password: ${PASSWORD}`);
} finally {
  await handle.close();
}
