import { Badge } from '@/app/_components/page-header';
import type { Flag } from '@/lib/flags';

/** An effort's warnings as badges; the reason is in the title and, for screen readers, the label says it all. */
export function FlagBadges({ flags }: { flags: Flag[] }) {
  if (flags.length === 0) return null;
  return (
    <ul className="flex flex-wrap gap-1.5" aria-label="Flags">
      {flags.map((flag) => (
        <li key={flag.key} title={flag.reason}>
          <Badge tone={flag.tone}>
            <span aria-hidden="true" className="mr-1">
              ⚑
            </span>
            {flag.label}
          </Badge>
        </li>
      ))}
    </ul>
  );
}
