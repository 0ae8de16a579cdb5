import type { Metadata } from 'next';
import { CardSection, PageHeader } from '@/app/_components/page-header';
import { getAccount, pendingEmailChange } from '@/lib/data/accounts/profile';
import { requireUser } from '@/lib/session';
import { ChangeEmailForm, ChangeNameForm, ChangePasswordForm } from './_components/profile-forms';
import { VerifyBanner } from './_components/verify-banner';

export const metadata: Metadata = { title: 'Your account' };

export default async function AccountPage() {
  const user = await requireUser();
  const account = await getAccount(user.id);
  if (!account) return null;
  const pending = await pendingEmailChange(user.id);
  return (
    <div className="space-y-6">
      <PageHeader title="Your account" description="Your name, e-mail address and password. Workspace settings live in each workspace." />
      <VerifyBanner />
      <CardSection id="name" title="Name">
        <ChangeNameForm name={account.name} />
      </CardSection>
      <CardSection id="email" title="E-mail address">
        <p className="mt-1 text-sm text-stone-600">
          Now <span className="break-all font-medium text-stone-800">{account.email}</span>
          {account.emailVerifiedAt ? ' (confirmed)' : ' (not confirmed yet)'}. A new address takes effect once you open the link
          we send to it.
        </p>
        <ChangeEmailForm pending={pending} />
      </CardSection>
      <CardSection id="password" title="Password">
        <p className="mt-1 text-sm text-stone-600">Changing it signs out every other device.</p>
        <ChangePasswordForm />
      </CardSection>
    </div>
  );
}
