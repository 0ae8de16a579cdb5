import 'server-only';
import { csvLine } from '@/lib/import/csv';
import type { RosterView } from '@/lib/schemas/team';
import { getRoster, sortRoster, type ChannelPick } from './roster';

const pickText = (p: ChannelPick | null) => (p ? `${p.name}: ${p.verdict}${p.grade ? ` (${p.grade})` : ''}` : '');

/** The roster's rows as CSV lines: the clients as the page sorts and filters them, then the viewer's own workspace. */
export async function* rosterCsv(userId: string, view: RosterView, today: string): AsyncGenerator<string> {
  const roster = await getRoster(userId, { today });
  yield csvLine([
    'Client',
    'Workspace',
    'Your role',
    'Needs attention',
    'Last activity',
    'Hours, last 4 weeks',
    'Hours, 4 weeks before',
    'Contacts going cold',
    'Follow-ups overdue',
    'Opportunities opened, last 4 weeks',
    'Opportunities open',
    'Opportunities stalled',
    'Best channel',
    'Weakest channel',
    'New comments, last 7 days',
    'Weekly goals',
  ]);
  const rows = [...sortRoster(roster.clients, view), ...roster.own];
  for (const r of rows) {
    yield csvLine([
      r.role === 'owner' ? 'You' : (r.ownerName ?? ''),
      r.workspaceName,
      r.role,
      r.attention.reasons.join('; '),
      r.lastActivity ?? '',
      r.hoursRecent,
      r.hoursBefore,
      r.goingCold,
      r.followUpsOverdue,
      r.opportunitiesOpened,
      r.opportunitiesOpen,
      r.opportunitiesStalled,
      pickText(r.best),
      pickText(r.weakest),
      r.newComments,
      r.goals.map((g) => g.progress).join('; '),
    ]);
  }
}
