import Link from 'next/link';
import { QUICK_PATH_KINDS, QUICK_PATHS, type QuickPathKind } from '@/lib/schemas/quick-path-options';

/** The moments the log covers, one tap each; the current one is marked. */
export function QuickPathNav({ workspaceId, current }: { workspaceId: string; current: QuickPathKind }) {
  return (
    <nav aria-label="What happened?" className="mb-5">
      <ul className="flex gap-2 overflow-x-auto pb-1">
        {QUICK_PATH_KINDS.map((kind) => (
          <li key={kind} className="shrink-0">
            <Link
              href={`/w/${workspaceId}/log${QUICK_PATHS[kind].path}`}
              aria-current={kind === current ? 'page' : undefined}
              className="flex min-h-11 items-center rounded-full border-2 border-stone-200 bg-white px-4 text-sm font-medium aria-[current]:border-brand-700 aria-[current]:bg-brand-50 aria-[current]:text-brand-800"
            >
              {QUICK_PATHS[kind].label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
