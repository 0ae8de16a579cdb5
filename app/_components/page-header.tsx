import Link from 'next/link';
import type { ReactNode } from 'react';

/** A page's title, a line about it and its main actions. */
export function PageHeader({ title, description, actions }: { title: ReactNode; description?: ReactNode; actions?: ReactNode }) {
  return (
    <div className="mb-5 flex flex-wrap items-start justify-between gap-3">
      <div className="min-w-0">
        <h1 className="text-2xl font-bold [overflow-wrap:anywhere] sm:text-3xl">{title}</h1>
        {description ? <p className="mt-1 max-w-prose text-stone-600">{description}</p> : null}
      </div>
      {actions ? <div className="flex flex-wrap gap-2">{actions}</div> : null}
    </div>
  );
}

/** The way back to the page this one belongs to, above its header. */
export function BackLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <p className="mb-2 text-sm">
      <Link href={href} className="link">
        ← {children}
      </Link>
    </p>
  );
}

/** A card with a heading that names it for screen readers (`id` makes `<id>-title`). */
export function CardSection({ id, title, className, children }: { id: string; title: ReactNode; className?: string; children: ReactNode }) {
  return (
    <section className={className ? `card ${className}` : 'card'} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="text-lg font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}

/** What an empty list says, and the one thing to do about it. */
export function EmptyState({ title, children, action }: { title: string; children: ReactNode; action?: ReactNode }) {
  return (
    <section className="card text-center">
      <h2 className="text-lg font-semibold">{title}</h2>
      <div className="mx-auto mt-2 max-w-prose text-stone-700">{children}</div>
      {action ? <div className="mt-4 flex justify-center">{action}</div> : null}
    </section>
  );
}

/** A small coloured label for warnings and states, readable without colour. */
export function Badge({ tone = 'neutral', children }: { tone?: 'neutral' | 'warn' | 'bad' | 'good' | 'info'; children: ReactNode }) {
  const tones = {
    neutral: 'bg-stone-100 text-stone-800 border-stone-300',
    warn: 'bg-amber-50 text-amber-900 border-amber-300',
    bad: 'bg-red-50 text-red-800 border-red-300',
    good: 'bg-brand-50 text-brand-800 border-brand-100',
    info: 'bg-sky-50 text-sky-900 border-sky-300',
  } as const;
  return <span className={`inline-flex items-center rounded-full border px-2 py-0.5 text-xs font-semibold ${tones[tone]}`}>{children}</span>;
}
