import type { Metadata } from 'next';
import Link from 'next/link';
import { CardSection, PageHeader } from '@/app/_components/page-header';
import { getDeletionPlan, type WorkspaceFootprint } from '@/lib/data/accounts/deletion';
import { pluralize } from '@/lib/payoff/format';
import { ROLE_LABELS } from '@/lib/permissions';
import { requireUser } from '@/lib/session';
import { DeleteAccountForm } from './delete-account-form';

export const metadata: Metadata = { title: 'Delete your account' };

function counts(w: WorkspaceFootprint): string {
  return [pluralize(w.efforts, 'effort'), pluralize(w.contacts, 'contact'), pluralize(w.opportunities, 'opportunity', 'opportunities')].join(', ');
}

export default async function DeleteAccountPage() {
  const user = await requireUser();
  const plan = await getDeletionPlan(user.id);
  const exportable = [...plan.deleted, ...plan.shared];
  return (
    <div className="space-y-6">
      <PageHeader
        title="Delete your account"
        description="This cannot be undone. Your account and everything only you use are deleted at once."
      />

      {exportable.length > 0 ? (
        <CardSection id="export" title="Export first">
          <p className="mt-1 text-stone-700">
            Want to keep a copy? Export each workspace before you delete it:{' '}
            {exportable.map((w, i) => (
              <span key={w.id}>
                {i > 0 ? ', ' : ''}
                <Link className="link" href={`/w/${w.id}/export`}>
                  {w.name}
                </Link>
              </span>
            ))}
            .
          </p>
        </CardSection>
      ) : null}

      <CardSection id="deleted" title="What will be deleted">
        <ul className="mt-2 list-disc space-y-1 pl-5 text-stone-700">
          <li>Your account: name, e-mail address, password, signed-in devices and pending links.</li>
          {plan.deleted.map((w) => (
            <li key={w.id}>
              Workspace <strong>{w.name}</strong> with all its records ({counts(w)}).
            </li>
          ))}
          <li>Your private coach notes. Comments you wrote in other people&rsquo;s workspaces stay there without your name.</li>
        </ul>
      </CardSection>

      {plan.shared.length > 0 ? (
        <CardSection id="shared" title="Shared workspaces you own" className="border-amber-300">
          <p className="mt-1 text-stone-700">
            Other people use these. Make one of them the owner first, so the workspace lives on, or choose below to delete it
            for everyone.
          </p>
          <ul className="mt-2 space-y-2">
            {plan.shared.map((w) => (
              <li key={w.id} className="text-stone-700">
                <strong>{w.name}</strong>: {pluralize(w.otherMembers, 'other member')}, {counts(w)}.{' '}
                <Link className="link" href={`/w/${w.id}/members`}>
                  Transfer ownership
                </Link>
              </li>
            ))}
          </ul>
        </CardSection>
      ) : null}

      {plan.left.length > 0 ? (
        <CardSection id="left" title="Workspaces you will leave">
          <p className="mt-1 text-stone-700">These stay as they are for their other members; you lose access.</p>
          <ul className="mt-2 list-disc space-y-1 pl-5 text-stone-700">
            {plan.left.map((w) => (
              <li key={w.id}>
                {w.name} ({ROLE_LABELS[w.role]})
              </li>
            ))}
          </ul>
        </CardSection>
      ) : null}

      <CardSection id="confirm" title="Delete the account">
        <DeleteAccountForm sharedCount={plan.shared.length} />
      </CardSection>
    </div>
  );
}
