import type { CalendarImportResult } from '@/lib/data/capture';
import type { CsvImportResult } from '@/lib/data/import/csv';
import type { LinkedinPlan } from '@/lib/data/import/linkedin';
import type { VcardPlan } from '@/lib/data/import/vcard';
import type { RefusedRecord } from '@/lib/import/backup';
import { plural } from './upload';

// What each import did, in one sentence: shown after an import with the script, and by the import
// page after a plain form post, so both say the same.

export const linkedinSummary = (plan: LinkedinPlan) =>
  `Imported: ${plural(plan.newCount, 'new contact')}, ${plural(plan.updatedCount, 'contact')} updated, ${plan.skippedCount.toLocaleString('en-US')} skipped.`;

export const vcardSummary = (plan: VcardPlan) =>
  `Imported: ${plural(plan.newCount, 'new contact')}, ${plan.skippedCount.toLocaleString('en-US')} left out.`;

export const calendarSummary = (plan: CalendarImportResult) =>
  `Imported: ${plural(plan.interactionCount, 'meeting')} in your contacts’ timelines, ${plural(plan.interviewsLogged, 'informational interview')}, ${plan.skippedCount.toLocaleString('en-US')} left out.`;

export const csvSummary = (result: CsvImportResult) =>
  `Imported ${plural(result.imported, 'row')}${result.duplicateCount ? `; ${plural(result.duplicateCount, 'row')} already here, left out` : ''}${
    result.invalidCount ? `; ${plural(result.invalidCount, 'row')} left out` : ''
  }.`;

export const backupSummary = (refused: RefusedRecord[]) =>
  `Restored, except ${refused.length} ${refused.length === 1 ? 'record' : 'records'} that no form would accept:`;
