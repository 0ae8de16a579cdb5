import 'server-only';
import type { Executor } from '@/db';
import { renderDailyNudge, type NudgeSection, type RenderedMail } from '@/lib/mail-templates';
import type { DueItem } from '@/lib/reminders/due';
import { expiresIn, ITEM_LINK_TTL_DAYS } from '@/lib/reminders/links';
import { loadDue, type DueAction } from './due';
import { reminderLinkUrl } from './links';
import { workspacesOf, WRITER_ROLES, type MailBasics, type Recipient, type SendOptions } from './recipients';

// The daily follow-up e-mail: what is due in each workspace, with one-click done and snooze links.

/** Items listed per workspace in one e-mail; the rest are counted. */
const MAIL_ITEMS_PER_WORKSPACE = 10;

/** The person's daily e-mail for their local day, or null when nothing is due anywhere. */
export async function buildDaily(db: Executor, user: Recipient, today: string, opts: SendOptions, basics: MailBasics): Promise<RenderedMail | null> {
  const sections: NudgeSection[] = [];
  const exp = expiresIn(opts.now, ITEM_LINK_TTL_DAYS);
  for (const ws of await workspacesOf(db, user.id, WRITER_ROLES)) {
    const items = await loadDue(db, user.id, ws.id, today);
    if (items.length === 0) continue;
    const link = (purpose: DueAction, item: DueItem) =>
      reminderLinkUrl({ purpose, userId: user.id, workspaceId: ws.id, itemKey: item.key, exp }, opts.origin, opts.secret);
    sections.push({
      workspaceName: ws.name,
      workspaceUrl: `${opts.origin}/w/${ws.id}`,
      items: items.slice(0, MAIL_ITEMS_PER_WORKSPACE).map((item) => ({
        title: item.title,
        reasons: item.reasons,
        url: `${opts.origin}${item.path}`,
        doneUrl: link('done', item),
        snooze7Url: link('snooze7', item),
        snooze30Url: link('snooze30', item),
      })),
      more: Math.max(0, items.length - MAIL_ITEMS_PER_WORKSPACE),
    });
  }
  if (sections.length === 0) return null;
  return renderDailyNudge({ ...basics, sections });
}
