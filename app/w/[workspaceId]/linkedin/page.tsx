import type { Metadata } from 'next';
import Link from 'next/link';
import { CardSection, PageHeader } from '@/app/_components/page-header';
import { getLinkedinChecklist } from '@/lib/data/linkedin-checklist';
import { joinList } from '@/lib/payoff/format';
import { can } from '@/lib/permissions';
import { ChecklistForm } from './_components/checklist-form';
import { workspacePage } from '@/app/w/[workspaceId]/_components/workspace-page';

export const metadata: Metadata = { title: 'LinkedIn profile' };

export default workspacePage(async ({ ctx, workspaceId }) => {
  const checklist = await getLinkedinChecklist(ctx);
  const percent = Math.round((checklist.done / checklist.total) * 100);
  const { summary, workHistory, affiliations, degrees, hobbies } = checklist;
  return (
    <div className="max-w-2xl space-y-5">
      <p>
        <Link href={`/w/${workspaceId}/efforts`} className="link">
          ← Efforts
        </Link>
      </p>
      <PageHeader
        title="LinkedIn profile"
        description="A complete profile is what people check after meeting you, and what gets you informational interviews."
      />
      <CardSection id="progress" title={<>{checklist.done} of {checklist.total} done</>} className="space-y-3">
        <div
          role="progressbar"
          aria-labelledby="progress-title"
          aria-valuemin={0}
          aria-valuemax={checklist.total}
          aria-valuenow={checklist.done}
          aria-valuetext={`${checklist.done} of ${checklist.total} done`}
          className="h-3 w-full overflow-hidden rounded-full bg-stone-200"
        >
          <div className="h-full rounded-full bg-brand-600" style={{ width: `${percent}%` }} />
        </div>
        <p className="text-stone-700">
          {checklist.missing.length ? `Still missing: ${joinList(checklist.missing)}.` : 'Your profile has every section. Keep it current.'}
        </p>
      </CardSection>
      <section className="card">
        <ChecklistForm
          workspaceId={workspaceId}
          initial={{ summary, workHistory, affiliations, degrees, hobbies }}
          canWrite={can(ctx.role, 'records.write')}
        />
      </section>
    </div>
  );
});
