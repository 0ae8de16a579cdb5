import { readFileSync } from 'node:fs';
import path from 'node:path';
import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { channelDays, contacts, efforts, memberships, opportunities, timeEntries } from '@/db/schema';
import { readCsvFile } from '@/lib/import/csv';
import { parseLinkedinConnections } from '@/lib/import/linkedin';
import { parseVcards } from '@/lib/import/vcard';
import { guessMapping, type ImportEntity } from '@/lib/import/mapping';
import { ForbiddenError } from '@/lib/permissions';
import { isFailure } from '@/lib/result';
import { testDatabase } from '@/test/db';
import { signUpOwner } from '@/test/people';
import { contactInput } from '@/test/records';
import type { WorkspaceCtx } from './context';
import { createContact } from './contacts';
import { importCsvRows, previewCsvImport } from './import/csv';
import { importLinkedinConnections, previewLinkedinImport } from './import/linkedin';
import { importVcards, previewVcardImport } from './import/vcard';

const handle = testDatabase();
let owner: WorkspaceCtx;
let other: WorkspaceCtx;

beforeAll(async () => {
  owner = await signUpOwner('Ana Lima', 'ana@example.com');
  other = await signUpOwner('Ben Ode', 'ben@example.com');
});

const CONNECTIONS =
  '\uFEFFNotes:\r\n"When exporting your connection data, you may notice that some of the email addresses are missing."\r\n\r\n' +
  'First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n' +
  'Zoë,Ødegård,https://www.linkedin.com/in/zoe-odegard,,"Acme, Inc.",Head of Growth,12 Mar 2024\r\n' +
  'José,García,https://www.linkedin.com/in/jose-garcia/,jose@example.com,Bücher GmbH,Writer,01 Jan 2023\r\n' +
  'Kai,Rahn,https://www.linkedin.com/in/kai-rahn,,Nordlicht,Editor,3 Feb 2022\r\n' +
  'Kai,Rahn (again),https://www.linkedin.com/in/Kai-Rahn/,,Nordlicht,Editor,3 Feb 2022\r\n';

const parse = (s: string) => {
  const r = parseLinkedinConnections(new TextEncoder().encode(s));
  if (!r.ok) throw new Error(r.error);
  return r;
};

async function contactsOf(ctx: WorkspaceCtx) {
  return handle.db.select().from(contacts).where(eq(contacts.workspaceId, ctx.workspaceId)).orderBy(contacts.name);
}

describe('LinkedIn import', () => {
  it('previews without writing, then imports LinkedIn contacts in one go', async () => {
    const file = parse(CONNECTIONS);
    const preview = await previewLinkedinImport(owner, file.connections, file.skipped);
    expect(preview).toMatchObject({ newCount: 3, updatedCount: 0, skippedCount: 1 });
    expect(preview.skipped).toEqual([{ line: 8, reason: 'Listed twice in the file' }]);
    expect(preview.sample.map((s) => s.status)).toEqual(['new', 'new', 'new']);
    expect(await contactsOf(owner)).toHaveLength(0);

    const done = await importLinkedinConnections(owner, file.connections, file.skipped);
    expect(done).toMatchObject({ newCount: 3, updatedCount: 0 });
    const rows = await contactsOf(owner);
    expect(rows.map((r) => [r.name, r.channel, r.metOn, r.company, r.role, r.linkedinUrl, r.lastTouchOn])).toEqual([
      ['José García', 'linkedin', '2023-01-01', 'Bücher GmbH', 'Writer', 'https://www.linkedin.com/in/jose-garcia', '2023-01-01'],
      ['Kai Rahn', 'linkedin', '2022-02-03', 'Nordlicht', 'Editor', 'https://www.linkedin.com/in/kai-rahn', '2022-02-03'],
      ['Zoë Ødegård', 'linkedin', '2024-03-12', 'Acme, Inc.', 'Head of Growth', 'https://www.linkedin.com/in/zoe-odegard', '2024-03-12'],
    ]);
    // Each starts with the workspace's keep-in-touch cadence, so going cold works for them too.
    expect(rows.map((r) => r.cadenceDays)).toEqual([60, 60, 60]);
    // The dashboard rollup counted them through the normal insert path.
    const [rollup] = await handle.db
      .select({ n: sql<number>`sum(${channelDays.contactsMade})`.mapWith(Number) })
      .from(channelDays)
      .where(and(eq(channelDays.workspaceId, owner.workspaceId), eq(channelDays.channel, 'linkedin')));
    expect(rollup.n).toBe(3);
  });

  it('re-importing the same file creates nobody new', async () => {
    const file = parse(CONNECTIONS);
    const again = await importLinkedinConnections(owner, file.connections, file.skipped);
    expect(again).toMatchObject({ newCount: 0, updatedCount: 0, skippedCount: 4 });
    expect(await contactsOf(owner)).toHaveLength(3);
  });

  it('updates a changed job, and matches by e-mail when the address differs', async () => {
    const manual = await createContact(owner, contactInput('Mia Wong', { email: 'mia@example.com', channel: 'events' }));
    expect(isFailure(manual)).toBe(false);
    const file = parse(
      'First Name,Last Name,URL,Email Address,Company,Position,Connected On\n' +
        'Zoë,Ødegård,HTTPS://WWW.LINKEDIN.COM/in/zoe-odegard?trk=x,,Acme Two,CEO,12 Mar 2024\n' +
        'Mia,W.,https://www.linkedin.com/in/mia,MIA@example.com,Studio,Designer,4 Apr 2024\n',
    );
    const result = await importLinkedinConnections(owner, file.connections);
    expect(result).toMatchObject({ newCount: 0, updatedCount: 2 });
    const rows = await contactsOf(owner);
    expect(rows).toHaveLength(4);
    const zoe = rows.find((r) => r.name === 'Zoë Ødegård')!;
    expect([zoe.company, zoe.role, zoe.version]).toEqual(['Acme Two', 'CEO', 2]);
    const mia = rows.find((r) => r.email === 'mia@example.com')!;
    // A contact met elsewhere keeps its name and channel; LinkedIn only fills the gaps.
    expect([mia.name, mia.channel, mia.linkedinUrl, mia.metOn, mia.company]).toEqual([
      'Mia Wong',
      'events',
      'https://www.linkedin.com/in/mia',
      '2024-04-04',
      'Studio',
    ]);
  });

  it('never matches or touches another workspace’s contacts', async () => {
    const file = parse(CONNECTIONS);
    const result = await importLinkedinConnections(other, file.connections);
    expect(result.newCount).toBe(3);
    expect(await contactsOf(other)).toHaveLength(3);
    expect(await contactsOf(owner)).toHaveLength(4);
  });

  it('refuses roles that cannot write records', async () => {
    const file = parse(CONNECTIONS);
    for (const role of ['coach', 'viewer'] as const) {
      await expect(importLinkedinConnections({ ...owner, role }, file.connections)).rejects.toThrow(ForbiddenError);
      await expect(previewLinkedinImport({ ...owner, role }, file.connections)).rejects.toThrow(ForbiddenError);
    }
  });
});

function sheet(entity: ImportEntity, csv: string) {
  const r = readCsvFile(new TextEncoder().encode(csv));
  if (!r.ok) throw new Error(r.error);
  const [header, ...rows] = r.rows;
  return { rows, lines: r.lines.slice(1), mapping: guessMapping(entity, header) };
}

describe('spreadsheet import', () => {
  it('imports valid contact rows and reports the others by line, writing nothing on preview', async () => {
    const s = sheet(
      'contacts',
      'Name,Email,Company,Met on,Tags\n' +
        'Ada Obi,ada@example.com,Obi & Co,2024-02-01,client;writer\n' +
        ',nobody@example.com,,,\n' +
        'Bad Mail,not-an-email,,,\n' +
        '"<b>Émile</b> 🎉",,"=cmd()",1 Mar 2024,\n',
    );
    const ws: WorkspaceCtx = { ...other };
    const before = (await contactsOf(ws)).length;
    const preview = await previewCsvImport(ws, 'contacts', s.rows, s.lines, s.mapping);
    expect(preview).toMatchObject({ total: 4, validCount: 2, invalidCount: 2 });
    expect(preview.problems).toEqual([
      { line: 3, errors: ['Name is required'] },
      { line: 4, errors: ['Enter a valid email address'] },
    ]);
    expect(preview.sample).toHaveLength(4);
    expect((await contactsOf(ws)).length).toBe(before);

    const result = await importCsvRows(ws, 'contacts', s.rows, s.lines, s.mapping);
    expect(result).toMatchObject({ imported: 2, invalidCount: 2 });
    const rows = await contactsOf(ws);
    expect(rows.length).toBe(before + 2);
    const ada = rows.find((r) => r.name === 'Ada Obi')!;
    expect([ada.tags, ada.metOn, ada.lastTouchOn]).toEqual([['client', 'writer'], '2024-02-01', '2024-02-01']);
    expect(rows.find((r) => r.name === '<b>Émile</b> 🎉')?.company).toBe('=cmd()');
  });

  it('imports efforts with a time entry each, so hours reach the dashboard', async () => {
    const s = sheet(
      'efforts',
      'Channel,Title,Date,Hours,Money spent,Drinks had\n' +
        'events,Chamber mixer,2024-05-02,2.5,40,3\n' +
        'Volunteering & favors,Bakery website,2024-05-03,4,,\n' +
        'organizations,Books for the club,2024-05-04,1,,\n',
    );
    const result = await importCsvRows(owner, 'efforts', s.rows, s.lines, s.mapping);
    expect(result).toMatchObject({ imported: 2, invalidCount: 1 });
    expect(result.problems[0].line).toBe(4);
    const rows = await handle.db.select().from(efforts).where(eq(efforts.workspaceId, owner.workspaceId)).orderBy(efforts.date);
    expect(rows.map((r) => [r.channel, r.title, r.hours, r.moneySpent, r.drinks])).toEqual([
      ['events', 'Chamber mixer', 2.5, 40, 3],
      ['volunteering', 'Bakery website', 4, 0, null],
    ]);
    const entries = await handle.db.select().from(timeEntries).where(eq(timeEntries.workspaceId, owner.workspaceId));
    expect(entries.map((e) => e.hours).sort()).toEqual([2.5, 4]);
    const [rollup] = await handle.db
      .select({ h: sql<number>`sum(${channelDays.hours})`.mapWith(Number) })
      .from(channelDays)
      .where(eq(channelDays.workspaceId, owner.workspaceId));
    expect(rollup.h).toBe(6.5);
  });

  it('links opportunities only to contacts of the same workspace', async () => {
    const s = sheet(
      'opportunities',
      'Title,Kind,Stage,Contact,Opened on,Expected value\n' +
        'Growth copy,client,talking,Zoë Ødegård,2024-06-01,"1,500"\n' +
        'Ghost deal,client,lead,Ada Obi,2024-06-02,0\n',
    );
    // Ada Obi exists only in the other workspace.
    const result = await importCsvRows(owner, 'opportunities', s.rows, s.lines, s.mapping);
    expect(result).toMatchObject({ imported: 1, invalidCount: 1 });
    expect(result.problems[0]).toEqual({ line: 3, errors: ['Contact: no contact called "Ada Obi" in this workspace'] });
    const [opp] = await handle.db.select().from(opportunities).where(eq(opportunities.workspaceId, owner.workspaceId));
    const [zoe] = await handle.db
      .select({ id: contacts.id })
      .from(contacts)
      .where(and(eq(contacts.workspaceId, owner.workspaceId), eq(contacts.name, 'Zoë Ødegård')));
    expect([opp.title, opp.contactId, opp.expectedValue, opp.stage]).toEqual(['Growth copy', zoe.id, 1500, 'talking']);
  });

  it('adds nothing twice: a file imported again, and rows repeated within a file, are left out', async () => {
    const people = sheet(
      'contacts',
      'Name,Email,Company,LinkedIn URL\n' +
        'Rosa Park,rosa@example.com,Park Labs,\n' +
        'Li Wen,,Wen Studio,https://www.linkedin.com/in/li-wen/\n' +
        'Tomás Ruiz,,Ruiz & Co,\n' +
        'Rosa P.,ROSA@example.com,,\n',
    );
    const first = await importCsvRows(owner, 'contacts', people.rows, people.lines, people.mapping);
    // The fourth row is Rosa again, by her e-mail.
    expect(first).toMatchObject({ imported: 3, duplicateCount: 1, invalidCount: 0 });
    expect(first.sample[3]).toMatchObject({ line: 5, skipped: 'Listed earlier in the file: left out' });
    const again = await previewCsvImport(owner, 'contacts', people.rows, people.lines, people.mapping);
    expect(again).toMatchObject({ validCount: 0, duplicateCount: 4, invalidCount: 0 });
    expect(again.sample[0]).toMatchObject({ skipped: 'Already in this workspace: left out' });
    const second = await importCsvRows(owner, 'contacts', people.rows, people.lines, people.mapping);
    expect(second).toMatchObject({ imported: 0, duplicateCount: 4 });
    const named = async (name: string) => (await contactsOf(owner)).filter((c) => c.name === name).length;
    expect([await named('Rosa Park'), await named('Li Wen'), await named('Tomás Ruiz'), await named('Rosa P.')]).toEqual([1, 1, 1, 0]);
    // No cadence column in the file: each starts with the workspace's default.
    expect((await contactsOf(owner)).find((c) => c.name === 'Rosa Park')?.cadenceDays).toBe(60);

    // A new row in the same file still comes in; a LinkedIn address written differently is the same person.
    const more = sheet(
      'contacts',
      'Name,Email,Company,LinkedIn URL\n' + 'Li W.,,,https://linkedin.com/in/Li-Wen\n' + 'Nadia Haddad,nadia@example.com,,\n',
    );
    expect(await importCsvRows(owner, 'contacts', more.rows, more.lines, more.mapping)).toMatchObject({ imported: 1, duplicateCount: 1 });

    const work = sheet('efforts', 'Channel,Title,Date,Hours\n' + 'interviews,Coffee with Rosa,2024-07-01,1\n' + 'interviews,Coffee with Rosa,2024-07-08,1\n');
    expect(await importCsvRows(owner, 'efforts', work.rows, work.lines, work.mapping)).toMatchObject({ imported: 2, duplicateCount: 0 });
    expect(await importCsvRows(owner, 'efforts', work.rows, work.lines, work.mapping)).toMatchObject({ imported: 0, duplicateCount: 2 });
    const coffees = await handle.db
      .select({ id: efforts.id })
      .from(efforts)
      .where(and(eq(efforts.workspaceId, owner.workspaceId), eq(efforts.title, 'Coffee with Rosa')));
    expect(coffees).toHaveLength(2);

    const deals = sheet('opportunities', 'Title,Kind,Stage,Opened on\n' + 'Park Labs retainer,client,lead,2024-07-02\n');
    expect(await importCsvRows(owner, 'opportunities', deals.rows, deals.lines, deals.mapping)).toMatchObject({ imported: 1 });
    expect(await importCsvRows(owner, 'opportunities', deals.rows, deals.lines, deals.mapping)).toMatchObject({ imported: 0, duplicateCount: 1 });
  });

  it('refuses viewers and coaches', async () => {
    const s = sheet('contacts', 'Name\nAda\n');
    await handle.db.insert(memberships).values({ workspaceId: owner.workspaceId, userId: other.userId, role: 'viewer' });
    const viewer: WorkspaceCtx = { userId: other.userId, workspaceId: owner.workspaceId, role: 'viewer' };
    await expect(importCsvRows(viewer, 'contacts', s.rows, s.lines, s.mapping)).rejects.toThrow(ForbiddenError);
    await expect(importCsvRows({ ...viewer, role: 'coach' }, 'contacts', s.rows, s.lines, s.mapping)).rejects.toThrow(ForbiddenError);
  });
});

describe('contact cards', () => {
  const cards = () => {
    const r = parseVcards(new Uint8Array(readFileSync(path.join(__dirname, '../../e2e/fixtures/contacts.vcf'))));
    if (!r.ok) throw new Error(r.error);
    return r;
  };
  let mine: WorkspaceCtx;
  beforeAll(async () => {
    mine = await signUpOwner('Cara Vos', 'cara@example.com');
  });

  it('previews without writing, imports the new people in one go, and shows and leaves out duplicates', async () => {
    const file = cards();
    const options = { channel: 'organizations' as const, metOn: '2026-01-15' };
    const preview = await previewVcardImport(mine, file.cards, file.skipped, options);
    expect(preview).toMatchObject({ newCount: 3, skippedCount: 2 });
    expect(preview.skipped).toEqual([
      { line: 35, reason: 'Listed earlier in the file: left out' },
      { line: 40, reason: 'No name' },
    ]);
    expect(await contactsOf(mine)).toHaveLength(0);

    const done = await importVcards(mine, file.cards, file.skipped, options);
    expect(done.newCount).toBe(3);
    const rows = await contactsOf(mine);
    expect(rows.map((r) => [r.name, r.email, r.company, r.channel, r.metOn, r.lastTouchOn])).toEqual([
      ['José García', 'jose@example.com', 'Bücher GmbH', 'organizations', '2026-01-15', '2026-01-15'],
      ['Zoë Ødegård', 'zoe.odegard@acme.example', 'Acme, Inc.', 'organizations', '2026-01-15', '2026-01-15'],
      ['李小龍', 'xiaolong.li@example.cn', '', 'organizations', '2026-01-15', '2026-01-15'],
    ]);

    const again = await previewVcardImport(mine, file.cards, file.skipped, options);
    expect(again.newCount).toBe(0);
    expect(again.sample.map((s) => s.skipped)).toEqual([
      'Already in this workspace: left out',
      'Already in this workspace: left out',
      'Already in this workspace: left out',
      'Already in this workspace: left out',
    ]);
    expect((await importVcards(mine, file.cards, file.skipped, options)).newCount).toBe(0);
    expect(await contactsOf(mine)).toHaveLength(3);
  });

  it('leaves out a card that is not a valid contact, says why, and imports the rest', async () => {
    const r = parseVcards(new TextEncoder().encode('BEGIN:VCARD\r\nFN:Nia Okafor\r\nEND:VCARD\r\nBEGIN:VCARD\r\nFN:Tom\r\nEMAIL:tom@mail..example\r\nEND:VCARD\r\n'));
    if (!r.ok) throw new Error(r.error);
    const done = await importVcards(mine, r.cards, r.skipped, { channel: null, metOn: null });
    expect(done).toMatchObject({ newCount: 1, skipped: [{ line: 4, reason: 'Enter a valid email address' }] });
    const nia = (await contactsOf(mine)).find((c) => c.name === 'Nia Okafor')!;
    expect([nia.channel, nia.metOn]).toEqual([null, null]);
  });

  it('refuses roles that cannot write records, and touches no other workspace', async () => {
    const file = cards();
    for (const role of ['coach', 'viewer'] as const) {
      await expect(importVcards({ ...mine, role }, file.cards, file.skipped, { channel: null, metOn: null })).rejects.toThrow(ForbiddenError);
      await expect(previewVcardImport({ ...mine, role }, file.cards, file.skipped, { channel: null, metOn: null })).rejects.toThrow(ForbiddenError);
    }
    const fresh = await signUpOwner('Dev Rao', 'dev@example.com');
    expect((await importVcards(fresh, file.cards, file.skipped, { channel: null, metOn: null })).newCount).toBe(3);
    expect(await contactsOf(mine)).toHaveLength(4);
  });
});
