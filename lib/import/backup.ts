import { z } from 'zod';
import { CHANNEL_KEYS } from '@/lib/payoff/channels';
import { CURRENCIES } from '@/lib/schemas/common';
import { commentBodySchema } from '@/lib/schemas/comment';
import { CADENCE_MAX } from '@/lib/schemas/contact';
import { contactSchema } from '@/lib/schemas/contact';
import { effortSchema, timeEntrySchema } from '@/lib/schemas/effort';
import { interactionSchema } from '@/lib/schemas/interaction';
import { OPPORTUNITY_KINDS, opportunityFields, STAGES } from '@/lib/schemas/opportunity';
import { workspaceSettingsSchema } from '@/lib/schemas/workspace';

export const BACKUP_FORMAT = 'groundwork-workspace';
export const BACKUP_VERSION = 1;

// Limits are wider than the forms' so an export made under older, looser rules still restores,
// yet every value stays bounded.
const id = z.string().min(1).max(64);
const str = (max: number) => z.string().max(max).refine((v) => !/\u0000/.test(v), 'Text must not contain NUL characters');
const isoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((v) => {
    const d = new Date(`${v}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v && v >= '1970-01-01' && v <= '2100-12-31';
  }, 'Not a real date');
const stamp = z.iso.datetime({ offset: true });
const amount = z.number().finite().min(0).max(1_000_000_000);
const count = z.number().int().min(0).max(1_000_000).nullable();

export const backupEffortSchema = z.object({
  id,
  channel: z.enum(CHANNEL_KEYS),
  otherLabel: str(200).nullable(),
  title: str(500),
  date: isoDay,
  hours: amount,
  moneySpent: amount,
  notes: str(20_000),
  drinks: count,
  conversations: count,
  pitches: count,
  advances: count,
  jobSeekerAsks: count,
  usefulContacts: count,
  joinedOn: isoDay.nullable(),
  leftOn: isoDay.nullable(),
  yearlyDues: amount.nullable(),
  similarity: z.enum(['unrelated', 'adjacent', 'close', 'core']).nullable(),
  paidAmount: amount.nullable(),
  thankYouSent: z.boolean().nullable(),
  followUpOn: isoDay.nullable(),
  details: z
    .record(z.string().max(100), z.union([str(20_000), z.number().finite(), z.boolean(), z.null()]))
    .refine((d) => Object.keys(d).length <= 100, 'Too many details'),
  createdAt: stamp,
  timeEntries: z
    .array(z.object({ date: isoDay, hours: z.number().finite().min(0).max(24), note: str(2000), createdAt: stamp }))
    .max(10_000),
  contactIds: z.array(id).max(10_000),
});

export const backupContactSchema = z.object({
  id,
  name: str(500).min(1),
  email: str(254),
  phone: str(100),
  company: str(500),
  role: str(500),
  linkedinUrl: str(1000),
  tags: z.array(str(100)).max(100),
  notes: str(20_000),
  metThroughEffortId: id.nullable(),
  channel: z.enum(CHANNEL_KEYS).nullable(),
  metOn: isoDay.nullable(),
  cadenceDays: z.number().int().min(1).max(100_000).nullable(),
  lastTouchOn: isoDay.nullable(),
  nextFollowUpOn: isoDay.nullable(),
  createdAt: stamp,
});

export const backupInteractionSchema = z.object({
  id,
  contactId: id,
  date: isoDay,
  kind: z.enum(['email', 'call', 'meeting', 'message', 'favor', 'pitch']),
  direction: z.enum(['inbound', 'outbound', 'mutual']),
  notes: str(20_000),
  createdAt: stamp,
});

export const backupOpportunitySchema = z.object({
  id,
  title: str(500).min(1),
  kind: z.enum(OPPORTUNITY_KINDS),
  contactId: id.nullable(),
  effortId: id.nullable(),
  stage: z.enum(STAGES),
  expectedValue: amount,
  wonValue: amount,
  openedOn: isoDay,
  closedOn: isoDay.nullable(),
  notes: str(20_000),
  createdAt: stamp,
});

export const backupCommentSchema = z.object({
  id,
  authorName: str(500).nullable(),
  entity: z.enum(['effort', 'contact', 'opportunity', 'dashboard']),
  entityId: id.nullable(),
  body: str(20_000).min(1),
  createdAt: stamp,
});

const checklist = z.object({
  summary: z.boolean(),
  workHistory: z.boolean(),
  affiliations: z.boolean(),
  degrees: z.boolean(),
  hobbies: z.boolean(),
});

export const backupSchema = z
  .object({
    format: z.literal(BACKUP_FORMAT),
    version: z.literal(BACKUP_VERSION),
    exportedAt: stamp,
    workspace: z.object({
      name: str(200).min(1),
      targetNiche: str(1000),
      hourlyValue: amount.nullable(),
      currency: z.enum(CURRENCIES),
      // Backups made before the setting existed leave the workspace's own cadence as it is.
      defaultCadenceDays: z.number().int().min(1).max(CADENCE_MAX).nullable().optional(),
    }),
    efforts: z.array(backupEffortSchema).max(500_000),
    contacts: z.array(backupContactSchema).max(500_000),
    interactions: z.array(backupInteractionSchema).max(1_000_000),
    opportunities: z.array(backupOpportunitySchema).max(500_000),
    linkedinChecklist: checklist.nullable(),
    comments: z.array(backupCommentSchema).max(500_000),
  })
  .superRefine((doc, ctx) => {
    // Every reference must point at a record in the same file, so nothing can be linked elsewhere.
    const unique = (list: { id: string }[], label: string) => {
      const ids = new Set<string>();
      for (const r of list) {
        if (ids.has(r.id)) ctx.addIssue({ code: 'custom', message: `Two ${label} share the id ${r.id}` });
        ids.add(r.id);
      }
      return ids;
    };
    const efforts = unique(doc.efforts, 'efforts');
    const contacts = unique(doc.contacts, 'contacts');
    const opportunities = unique(doc.opportunities, 'opportunities');
    unique(doc.interactions, 'interactions');
    unique(doc.comments, 'comments');
    const missing = (message: string) => ctx.addIssue({ code: 'custom', message });
    for (const e of doc.efforts) {
      for (const c of e.contactIds) if (!contacts.has(c)) missing(`Effort "${e.title}" names a contact that is not in the file`);
    }
    for (const c of doc.contacts) {
      if (c.metThroughEffortId && !efforts.has(c.metThroughEffortId)) missing(`Contact "${c.name}" names an effort that is not in the file`);
    }
    for (const i of doc.interactions) if (!contacts.has(i.contactId)) missing('An interaction names a contact that is not in the file');
    for (const o of doc.opportunities) {
      if (o.contactId && !contacts.has(o.contactId)) missing(`Opportunity "${o.title}" names a contact that is not in the file`);
      if (o.effortId && !efforts.has(o.effortId)) missing(`Opportunity "${o.title}" names an effort that is not in the file`);
    }
    const targets = { effort: efforts, contact: contacts, opportunity: opportunities } as const;
    for (const c of doc.comments) {
      if (c.entity === 'dashboard') {
        if (c.entityId !== null) missing('A dashboard comment names a record');
      } else if (!c.entityId || !targets[c.entity].has(c.entityId)) {
        missing(`A comment on a ${c.entity} names a record that is not in the file`);
      }
    }
  });

export type WorkspaceBackup = z.output<typeof backupSchema>;

export type BackupParse = { ok: true; backup: WorkspaceBackup; refused: RefusedRecord[] } | { ok: false; error: string };

/** Reads an uploaded workspace export: UTF-8 JSON in this format and version, references intact. */
export function parseBackup(text: string): BackupParse {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, error: 'This file is not valid JSON. Upload the .json file that "Export workspace" produced.' };
  }
  const head = value as { format?: unknown; version?: unknown } | null;
  if (!head || typeof head !== 'object' || head.format !== BACKUP_FORMAT) {
    return { ok: false, error: 'This is not a Groundwork workspace export.' };
  }
  if (head.version !== BACKUP_VERSION) {
    return { ok: false, error: `This export has format version ${String(head.version)}; this version of Groundwork reads version ${BACKUP_VERSION}.` };
  }
  const parsed = backupSchema.safeParse(value);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const where = first?.path.length ? ` (at ${first.path.join('.')})` : '';
    return { ok: false, error: `The export is damaged and was not imported: ${first?.message ?? 'invalid content'}${where}.` };
  }
  return screenBackup(parsed.data);
}

/** A record a restore left out, in words for the person restoring. */
export interface RefusedRecord {
  record: string;
  reason: string;
}

type Shape = Record<string, z.ZodType>;

/**
 * The record's text with each field run through the form's own rule for it (trimmed as a form
 * would), or the first rule it breaks. Numbers, dates and choices are bounded by the backup schema.
 */
function formText<T extends object>(record: T, shape: Shape, keys: readonly string[]): { ok: true; value: T } | { ok: false; reason: string } {
  const out = { ...record } as Record<string, unknown>;
  for (const key of keys) {
    const value = (record as Record<string, unknown>)[key];
    const rule = shape[key];
    if (!rule || value === null || value === undefined) continue;
    const parsed = rule.safeParse(value);
    if (!parsed.success) return { ok: false, reason: parsed.error.issues[0]?.message ?? 'Not allowed' };
    out[key] = parsed.data;
  }
  return { ok: true, value: out as T };
}

const effortShapes = new Map(effortSchema.options.map((o) => [o.shape.channel.value as string, o.shape as Shape]));
const quoted = (name: string) => `“${name.slice(0, 60)}${name.length > 60 ? '…' : ''}”`;

/**
 * Holds every record of a parsed backup to the rules of the form that would have created it, so a
 * hand-edited file cannot store what no form accepts (control characters, line breaks in names,
 * over-long names, `javascript:` links). Refused records are left out and listed, and whatever
 * pointed at them is dropped with them or unlinked. The workspace's own name and niche must pass,
 * or nothing is restored.
 */
export function screenBackup(backup: WorkspaceBackup): { ok: true; backup: WorkspaceBackup; refused: RefusedRecord[] } | { ok: false; error: string } {
  const refused: RefusedRecord[] = [];
  const workspace = formText(backup.workspace, workspaceSettingsSchema.shape, ['name', 'targetNiche']);
  if (!workspace.ok) return { ok: false, error: `The workspace's settings were not accepted: ${workspace.reason}.` };

  const contacts: WorkspaceBackup['contacts'] = [];
  for (const c of backup.contacts) {
    const checked = formText(c, contactSchema.shape, ['name', 'email', 'phone', 'company', 'role', 'linkedinUrl', 'tags', 'notes']);
    if (checked.ok) contacts.push(checked.value);
    else refused.push({ record: `Contact ${quoted(c.name)}`, reason: checked.reason });
  }
  const contactIds = new Set(contacts.map((c) => c.id));

  const efforts: WorkspaceBackup['efforts'] = [];
  for (const e of backup.efforts) {
    const shape = effortShapes.get(e.channel) ?? {};
    const checked = formText(e, shape, e.channel === 'other' ? ['title', 'notes', 'otherLabel'] : ['title', 'notes']);
    // Channel fields kept in details (venue, who was helped, …) follow the same form's rules.
    const details = checked.ok ? formText(e.details, shape, Object.keys(e.details)) : checked;
    const badEntry = e.timeEntries.map((t) => formText(t, timeEntrySchema.shape, ['note'])).find((r) => !r.ok);
    const problem = !checked.ok ? checked : !details.ok ? details : badEntry;
    if (problem && !problem.ok) {
      refused.push({ record: `Effort ${quoted(e.title)}`, reason: problem.reason });
      continue;
    }
    const value = (checked as { value: typeof e }).value;
    efforts.push({
      ...value,
      details: (details as { value: typeof e.details }).value,
      timeEntries: e.timeEntries.map((t) => ({ ...t, note: t.note.trim() })),
      contactIds: e.contactIds.filter((id) => contactIds.has(id)),
    });
  }
  const effortIds = new Set(efforts.map((e) => e.id));
  for (const c of contacts) if (c.metThroughEffortId && !effortIds.has(c.metThroughEffortId)) c.metThroughEffortId = null;

  const interactions: WorkspaceBackup['interactions'] = [];
  for (const i of backup.interactions) {
    if (!contactIds.has(i.contactId)) continue;
    const checked = formText(i, interactionSchema.shape, ['notes']);
    if (checked.ok) interactions.push(checked.value);
    else refused.push({ record: `An interaction on ${i.date}`, reason: checked.reason });
  }

  const opportunities: WorkspaceBackup['opportunities'] = [];
  for (const o of backup.opportunities) {
    const checked = formText(o, opportunityFields, ['title', 'notes']);
    if (!checked.ok) {
      refused.push({ record: `Opportunity ${quoted(o.title)}`, reason: checked.reason });
      continue;
    }
    opportunities.push({
      ...checked.value,
      contactId: o.contactId && contactIds.has(o.contactId) ? o.contactId : null,
      effortId: o.effortId && effortIds.has(o.effortId) ? o.effortId : null,
    });
  }
  const opportunityIds = new Set(opportunities.map((o) => o.id));

  const kept = { effort: effortIds, contact: contactIds, opportunity: opportunityIds } as const;
  const comments: WorkspaceBackup['comments'] = [];
  for (const c of backup.comments) {
    if (c.entity !== 'dashboard' && !(c.entityId && kept[c.entity].has(c.entityId))) continue;
    const checked = formText(c, commentBodySchema.shape, ['body']);
    if (checked.ok) comments.push(checked.value);
    else refused.push({ record: `A comment of ${c.createdAt.slice(0, 10)}`, reason: checked.reason });
  }

  return {
    ok: true,
    backup: { ...backup, workspace: workspace.value, contacts, efforts, interactions, opportunities, comments },
    refused,
  };
}
