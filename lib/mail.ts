import 'server-only';
import { desc, eq } from 'drizzle-orm';
import { mailOutbox } from '@/db/schema';
import { getDb } from '@/lib/data/context';
import { env } from '@/lib/env';

export interface Mail {
  to: string;
  subject: string;
  text: string;
  html?: string;
  headers?: Record<string, string>;
}

/** Whether sent mail may be read at /dev/outbox: never with real SMTP, never in production unless asked. */
export function outboxEnabled(): boolean {
  const e = env();
  if (e.SMTP_URL) return false;
  return e.NODE_ENV === 'development' || e.GROUNDWORK_DEV_OUTBOX === '1';
}

let transport: Promise<{ sendMail: (m: object) => Promise<unknown> }> | undefined;

async function smtp() {
  transport ??= import('nodemailer').then((m) => m.default.createTransport(env().SMTP_URL!));
  return transport;
}

/**
 * Sends an e-mail over SMTP_URL when set; without it the message is only kept in the outbox
 * table and logged, so development and tests can read it. Every message is recorded.
 */
export async function sendMail(mail: Mail): Promise<void> {
  const db = await getDb();
  const [row] = await db
    .insert(mailOutbox)
    .values({ to: mail.to, subject: mail.subject, text: mail.text, html: mail.html ?? null, headers: mail.headers ?? null })
    .returning({ id: mailOutbox.id });
  if (!env().SMTP_URL) {
    console.log(`[mail] to=${mail.to} subject="${mail.subject}" (no SMTP_URL: kept in the outbox)`);
    return;
  }
  try {
    await (await smtp()).sendMail({
      from: env().MAIL_FROM,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      headers: mail.headers,
    });
    await db.update(mailOutbox).set({ sentAt: new Date() }).where(eq(mailOutbox.id, row.id));
  } catch (err) {
    // Delivery problems are recorded, never shown to the person who triggered the mail.
    await db.update(mailOutbox).set({ error: (err as Error).message.slice(0, 500) }).where(eq(mailOutbox.id, row.id));
    console.error('[mail] delivery failed', (err as Error).message);
  }
}

/** The newest messages in the outbox (development only; callers check outboxEnabled()). */
export async function listOutbox(limit = 50) {
  const db = await getDb();
  return db
    .select({ id: mailOutbox.id, to: mailOutbox.to, subject: mailOutbox.subject, text: mailOutbox.text, createdAt: mailOutbox.createdAt })
    .from(mailOutbox)
    .orderBy(desc(mailOutbox.createdAt))
    .limit(limit);
}
