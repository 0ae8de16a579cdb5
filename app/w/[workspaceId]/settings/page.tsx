import type { Metadata } from 'next';
import { getMailInboxInfo, listMailReview } from '@/lib/data/mail-inbox';
import { env } from '@/lib/env';
import { ForwardingAddress } from './forwarding-address';
import { MailReview } from './mail-review';
import { SettingsForm } from './settings-form';
import { workspacePage, type PageGate } from '@/app/w/[workspaceId]/_components/workspace-page';
import { CardSection } from '@/app/_components/page-header';

export const metadata: Metadata = { title: 'Settings' };

/** Other members are told what their role allows instead. */
const ownersOnly: PageGate = {
  permission: 'workspace.settings',
  purpose: "the workspace's owners, to change its settings",
  back: { path: '', label: 'Back to the dashboard' },
};

export default workspacePage(ownersOnly, async ({ ctx, workspaceId }) => {
  const w = ctx.workspace;
  const mailOn = Boolean(env().INBOUND_MAIL_DOMAIN);
  const [inbox, review] = mailOn ? await Promise.all([getMailInboxInfo(ctx), listMailReview(ctx)]) : [null, []];
  return (
    <div className="max-w-2xl space-y-6">
      <h1 className="text-2xl font-bold sm:text-3xl">Workspace settings</h1>
      <CardSection id="general" title="General">
        <SettingsForm
          workspaceId={workspaceId}
          initial={{
            name: w.name,
            targetNiche: w.targetNiche,
            hourlyValue: w.hourlyValue === null ? '' : String(w.hourlyValue),
            currency: w.currency as never,
            defaultCadenceDays: w.defaultCadenceDays === null ? '' : String(w.defaultCadenceDays),
          }}
        />
      </CardSection>
      <CardSection id="forwarding" title="Forward e-mail">
        <p className="mt-1 text-stone-700">
          Forward mail from a contact, or put this address in Bcc when you write to one, and it goes into their timeline without
          typing. A message from them counts as them reaching out. Only the sender, recipients, date, subject and first lines are
          kept.
        </p>
        {mailOn ? (
          <ForwardingAddress workspaceId={workspaceId} hasInbox={Boolean(inbox)} />
        ) : (
          <p className="mt-3 text-sm text-stone-700">Forwarding addresses are not set up on this server yet (see the guide to inbound mail).</p>
        )}
      </CardSection>
      {mailOn ? (
        <CardSection id="review" title="Forwarded mail to review">
          <p className="mt-1 text-stone-700">Mail with people who are not your contacts waits here. Only owners see it.</p>
          <MailReview workspaceId={workspaceId} items={review} />
        </CardSection>
      ) : null}
    </div>
  );
});
