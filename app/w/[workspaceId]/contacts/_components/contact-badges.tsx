import { Badge } from '@/app/_components/page-header';
import { pluralize } from '@/lib/payoff/format';

/** "Remembers you" and "Going cold" badges, shared by the list and the detail page. */
export function ContactBadges({ remembersYou, overdueDays }: { remembersYou: boolean; overdueDays: number | null }) {
  const cold = overdueDays !== null && overdueDays > 0;
  if (!remembersYou && !cold) return null;
  return (
    <span className="flex flex-wrap gap-1.5">
      {remembersYou ? <Badge tone="good">Remembers you</Badge> : null}
      {cold ? <Badge tone="warn">Going cold — {pluralize(overdueDays, 'day')} overdue</Badge> : null}
    </span>
  );
}
