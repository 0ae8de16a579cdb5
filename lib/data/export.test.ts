import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { memberships } from '@/db/schema';
import { parseBackup, type WorkspaceBackup } from '@/lib/import/backup';
import { parseCsv } from '@/lib/import/csv';
import { ForbiddenError } from '@/lib/permissions';
import { testDatabase } from '@/test/db';
import { signUpOwner } from '@/test/people';
import { contactInput } from '@/test/records';
import { addComment } from './comments';
import { createContact } from './contacts';
import type { WorkspaceCtx } from './context';
import { createEffort, addTimeEntry } from './efforts';
import { buildWorkspaceBackup, contactsCsv, effortsCsv, opportunitiesCsv } from './export';
import { importBackupAsNewWorkspace, importBackupIntoWorkspace, NOT_EMPTY } from './import/backup';
import { createInteraction } from './interactions';
import { saveLinkedinChecklist } from './linkedin-checklist';
import { createOpportunity } from './opportunities';
import { updateWorkspaceSettings } from './workspaces';

const handle = testDatabase();
let owner: WorkspaceCtx & { name: string };
let stranger: WorkspaceCtx & { name: string };

const WEIRD = '<script>alert("x")</script> Zoë 🎉, "quoted"; back\\slash\nnew line =1+1';

type Unwrap<T> = T extends { ok: false } ? never : T extends { ok: true; data: infer D } ? D : T;

/** The created record, or a thrown error when a fixture write was refused. */
function ok<T>(r: T): Unwrap<T> {
  if (r && typeof r === 'object' && (r as { ok?: unknown }).ok === false) throw new Error(JSON.stringify(r));
  const v = r as { ok?: true; data?: unknown };
  return (v.ok === true && 'data' in v ? v.data : r) as Unwrap<T>;
}

beforeAll(async () => {
  owner = { ...(await signUpOwner('Ana Lima', 'ana@example.com')), name: 'Ana Lima' };
  stranger = { ...(await signUpOwner('Ben Ode', 'ben@example.com')), name: 'Ben Ode' };

  await updateWorkspaceSettings(owner, { name: 'Ana’s 🌱 work', targetNiche: WEIRD.slice(0, 40), hourlyValue: 55.5, currency: 'EUR', defaultCadenceDays: 60 });
  const mixer = ok(
    await createEffort(owner, {
      channel: 'events',
      title: 'Chamber mixer',
      date: '2024-05-02',
      hours: 2.5,
      moneySpent: 40,
      notes: WEIRD,
      contactIds: [],
      venue: 'Harbour Hall',
      drinks: 3,
      conversations: 5,
      pitches: 2,
      advances: 0,
      jobSeekerAsks: 1,
      usefulContacts: 1,
    }),
  );
  const zoe = ok(await createContact(owner, contactInput('Zoë Ødegård', { email: 'zoe@example.com', tags: ['client', '✨'], metThroughEffortId: mixer.id, metOn: '2024-05-02', cadenceDays: 30, nextFollowUpOn: '2024-06-01', notes: WEIRD })));
  const kai = ok(await createContact(owner, contactInput('Kai Rahn', { channel: 'linkedin', linkedinUrl: 'https://www.linkedin.com/in/kai' })));
  const club = ok(
    await createEffort(owner, {
      channel: 'organizations',
      title: 'Writers’ guild',
      date: '2024-01-10',
      hours: 1,
      moneySpent: null,
      notes: '',
      contactIds: [kai.id, zoe.id],
      orgKind: 'professional_association',
      cause: 'Writing',
      contribution: 'Keeps the books',
      joinedOn: '2024-01-10',
      leftOn: null,
      yearlyDues: 120,
    }),
  );
  ok(await addTimeEntry(owner, club.id, { date: '2024-02-10', hours: 1.25, note: 'Monthly meeting <b>' }));
  const interview = ok(
    await createEffort(owner, {
      channel: 'interviews',
      title: 'Coffee with Kai',
      date: '2024-03-01',
      hours: 0.5,
      moneySpent: 6,
      notes: '',
      contactIds: [kai.id],
      person: 'Kai Rahn',
      company: 'Nordlicht',
      personRole: 'Editor',
      questions: 'How did you start?',
      learned: '',
      thankYouSent: true,
      followUpOn: '2024-04-01',
    }),
  );
  ok(await createInteraction(owner, { contactId: zoe.id, date: '2024-05-10', kind: 'email', direction: 'inbound', notes: 'Thanks! 🙏' }));
  const opp = ok(
    await createOpportunity(owner, {
      title: 'Growth copy',
      kind: 'client',
      contactId: zoe.id,
      effortId: mixer.id,
      stage: 'won',
      expectedValue: 1500,
      wonValue: 1800,
      openedOn: '2024-05-15',
      closedOn: '2024-06-01',
      notes: WEIRD,
    }),
  );
  ok(await createOpportunity(owner, { title: 'Talk', kind: 'speaking', contactId: null, effortId: interview.id, stage: 'lead', expectedValue: 0, wonValue: 0, openedOn: '2024-07-01', closedOn: null, notes: '' }));
  await saveLinkedinChecklist(owner, { summary: true, workHistory: true, affiliations: false, degrees: true, hobbies: false });
  ok(await addComment(owner, { entity: 'opportunity', entityId: opp.id, body: 'Nice win 🎉 <i>really</i>' }));
  ok(await addComment(owner, { entity: 'dashboard', entityId: null, body: 'Quarter review' }));
  ok(await addComment(owner, { entity: 'contact', entityId: zoe.id, body: WEIRD }));

  // The stranger's own data must never show up in the owner's exports.
  ok(await createContact(stranger, contactInput('Stranger Danger', { email: 'danger@example.com' })));
});

/** Replaces ids by their position and drops the export time, the two things allowed to differ. */
function normalise(doc: WorkspaceBackup) {
  const names = new Map<string, string>();
  doc.efforts.forEach((e, i) => names.set(e.id, `effort-${i}`));
  doc.contacts.forEach((c, i) => names.set(c.id, `contact-${i}`));
  doc.opportunities.forEach((o, i) => names.set(o.id, `opportunity-${i}`));
  doc.interactions.forEach((o, i) => names.set(o.id, `interaction-${i}`));
  doc.comments.forEach((o, i) => names.set(o.id, `comment-${i}`));
  const json = JSON.stringify({ ...doc, exportedAt: 'T' }, (_k, v) => (typeof v === 'string' && names.has(v) ? names.get(v) : v));
  return JSON.parse(json);
}

describe('workspace export', () => {
  it('holds every record type, and nothing private', async () => {
    const doc = await buildWorkspaceBackup(owner);
    expect(doc).toMatchObject({ format: 'groundwork-workspace', version: 1 });
    expect(doc.workspace).toEqual({ name: 'Ana’s 🌱 work', targetNiche: WEIRD.slice(0, 40).trim(), hourlyValue: 55.5, currency: 'EUR', defaultCadenceDays: 60 });
    expect([doc.efforts.length, doc.contacts.length, doc.interactions.length, doc.opportunities.length, doc.comments.length]).toEqual([3, 2, 1, 2, 3]);
    const club = doc.efforts.find((e) => e.title === 'Writers’ guild')!;
    expect(club.timeEntries.map((t) => t.hours)).toEqual([1, 1.25]);
    expect(club.hours).toBe(2.25);
    expect(club.details).toMatchObject({ orgKind: 'professional_association', contribution: 'Keeps the books' });
    expect(doc.comments.every((c) => c.authorName === 'Ana Lima')).toBe(true);
    const text = JSON.stringify(doc);
    expect(text).not.toContain(owner.userId);
    expect(text).not.toContain('ana@example.com');
    expect(text).not.toContain('Stranger');
    expect(text).not.toMatch(/password|token|hash/i);
  });

  it('is for owners only', async () => {
    for (const role of ['editor', 'coach', 'viewer'] as const) {
      await expect(buildWorkspaceBackup({ ...owner, role })).rejects.toThrow(ForbiddenError);
    }
  });

  it('export → import → export gives the same document apart from ids and times', async () => {
    const first = await buildWorkspaceBackup(owner);
    const parsed = parseBackup(JSON.stringify(first));
    if (!parsed.ok) throw new Error(parsed.error);
    const { id } = await importBackupAsNewWorkspace({ id: owner.userId, name: owner.name }, parsed.backup);
    expect(id).not.toBe(owner.workspaceId);
    const [membership] = await handle.db.select().from(memberships).where(eq(memberships.workspaceId, id));
    expect([membership.userId, membership.role]).toEqual([owner.userId, 'owner']);
    const second = await buildWorkspaceBackup({ userId: owner.userId, workspaceId: id, role: 'owner' });
    expect(second.efforts[0].id).not.toBe(first.efforts[0].id);
    expect(normalise(second)).toEqual(normalise(first));
  });

  it('imports into an empty workspace the user owns, never into one with records or one they do not own', async () => {
    const doc = await buildWorkspaceBackup(owner);
    // The stranger's personal workspace has a contact: refused, and nothing was written.
    expect(await importBackupIntoWorkspace(stranger, doc, stranger.name)).toEqual({ ok: false, formError: NOT_EMPTY });
    const after = await buildWorkspaceBackup(stranger);
    expect(after.efforts).toHaveLength(0);
    // An editor of an empty workspace may not replace it.
    const empty = await signUpOwner('Cy');
    await expect(importBackupIntoWorkspace({ ...empty, role: 'editor' }, doc, 'Cy')).rejects.toThrow(ForbiddenError);
    const done = await importBackupIntoWorkspace(empty, doc, 'Cy');
    expect(done).toEqual({ id: empty.workspaceId });
    const copy = await buildWorkspaceBackup({ userId: empty.user.id, workspaceId: empty.workspaceId, role: 'owner' });
    expect(copy.contacts.map((c) => c.name)).toEqual(['Kai Rahn', 'Zoë Ødegård']);
    // Comments by someone who is not the importer keep their text but lose the author.
    expect(copy.comments.map((c) => c.authorName)).toEqual([null, null, null]);
  });

  it('refuses damaged or foreign files', () => {
    expect(parseBackup('{not json').ok).toBe(false);
    expect(parseBackup(JSON.stringify({ format: 'other' })).ok).toBe(false);
    expect(parseBackup(JSON.stringify({ format: 'groundwork-workspace', version: 2 })).ok).toBe(false);
  });

  it("holds every record to its form's rules: what no form accepts is left out and listed, and nothing points at it", async () => {
    const doc = await buildWorkspaceBackup(owner);
    const [kai, zoe] = doc.contacts;
    const hostile = {
      ...doc,
      contacts: [
        { ...kai, name: 'Kai\r\nRahn' },
        { ...zoe, linkedinUrl: 'javascript:alert(1)' },
        { ...zoe, id: 'extra-1', name: 'x'.repeat(500) },
        { ...zoe, id: 'extra-2', name: 'Bell\u0007' },
      ],
      // Interactions with Kai go with Kai.
      interactions: doc.interactions.filter((i) => i.contactId === kai.id),
    };
    const parsed = parseBackup(JSON.stringify(hostile));
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.refused.map((r) => r.record)).toEqual(['Contact “Kai\r\nRahn”', 'Contact “Zoë Ødegård”', `Contact “${'x'.repeat(60)}…”`, 'Contact “Bell\u0007”']);
    expect(parsed.refused[1].reason).toMatch(/LinkedIn/);
    expect(parsed.backup.contacts).toEqual([]);
    expect(parsed.backup.interactions).toEqual([]);
    expect(parsed.backup.efforts.every((e) => e.contactIds.length === 0)).toBe(true);
    expect(parsed.backup.opportunities.every((o) => o.contactId === null)).toBe(true);
    // What passes is restored as the forms would store it.
    const { id } = await importBackupAsNewWorkspace({ id: owner.userId, name: owner.name }, parsed.backup);
    const copy = await buildWorkspaceBackup({ userId: owner.userId, workspaceId: id, role: 'owner' });
    expect(copy.contacts).toEqual([]);
    expect(copy.efforts.map((e) => e.title)).toEqual(doc.efforts.map((e) => e.title));

    const badName = parseBackup(JSON.stringify({ ...doc, workspace: { ...doc.workspace, name: 'My\nworkspace' } }));
    expect(badName.ok).toBe(false);
  });

  it('refuses a file whose references point outside it', async () => {
    const doc = await buildWorkspaceBackup(owner);
    const broken = { ...doc, interactions: [{ ...doc.interactions[0], contactId: '00000000-0000-4000-8000-000000000000' }] };
    const r = parseBackup(JSON.stringify(broken));
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toMatch(/contact that is not in the file/);
  });
});

async function collect(gen: AsyncGenerator<string>) {
  let s = '';
  for await (const chunk of gen) s += chunk;
  const r = parseCsv(s, { delimiter: ',' });
  if (!r.ok) throw new Error(r.error);
  return { text: s, rows: r.rows };
}

describe('CSV exports', () => {
  it('export the filtered efforts list with escaping and formula protection', async () => {
    const all = await collect(effortsCsv(owner, {}));
    expect(all.text.endsWith('\r\n')).toBe(true);
    expect(all.rows[0].slice(0, 6)).toEqual(['Date', 'Channel', 'Title', 'Hours', 'Money spent', 'Notes']);
    expect(all.rows.slice(1).map((r) => r[2])).toEqual(['Chamber mixer', 'Coffee with Kai', 'Writers’ guild']);
    const mixer = all.rows[1];
    expect(mixer[5]).toBe(WEIRD);
    const filtered = await collect(effortsCsv(owner, { channel: 'organizations', from: '2024-01-01', to: '2024-12-31' }));
    expect(filtered.rows.slice(1).map((r) => [r[1], r[2], r[3]])).toEqual([['Professional organizations & clubs', 'Writers’ guild', '2.25']]);
    expect(filtered.rows[1].at(-1)).toBe('Kai Rahn; Zoë Ødegård');
    expect((await collect(effortsCsv(owner, { q: 'coffee' }))).rows).toHaveLength(2);
  });

  it('export contacts and opportunities with the list filters, only from the workspace', async () => {
    const contactsAll = await collect(contactsCsv(owner, {}));
    expect(contactsAll.rows.slice(1).map((r) => r[0])).toEqual(['Kai Rahn', 'Zoë Ødegård']);
    expect(contactsAll.text).not.toContain('Stranger');
    expect((await collect(contactsCsv(owner, { tag: 'CLIENT' }))).rows.slice(1).map((r) => r[0])).toEqual(['Zoë Ødegård']);
    expect((await collect(contactsCsv(owner, { goingCold: true, today: '2030-01-01' }))).rows.slice(1).map((r) => r[0])).toEqual(['Zoë Ødegård']);
    const opps = await collect(opportunitiesCsv(owner, { stage: 'won' }));
    expect(opps.rows.slice(1).map((r) => [r[0], r[1], r[2], r[3], r[4], r[6]])).toEqual([['Growth copy', 'Client', 'Won', 'Zoë Ødegård', 'Chamber mixer', '1800']]);
    // The notes start with "<", harmless; a cell starting with "=" would be prefixed.
    expect(opps.text).toContain('new line =1+1');
    expect((await collect(contactsCsv(stranger, {}))).rows.slice(1).map((r) => r[0])).toEqual(['Stranger Danger']);
  });

  it('prefix cells a spreadsheet would run as formulas', async () => {
    ok(await createContact(stranger, contactInput('=HYPERLINK("http://x")', { company: '+44 20', role: '@admin', notes: '-1' })));
    const out = await collect(contactsCsv(stranger, { q: 'hyperlink' }));
    expect(out.rows[1].slice(0, 5)).toEqual([`'=HYPERLINK("http://x")`, '', '', "'+44 20", "'@admin"]);
    expect(out.rows[1][7]).toBe("'-1");
  });
});
