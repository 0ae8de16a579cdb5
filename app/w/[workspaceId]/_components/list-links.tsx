/** An address with the given values as its query, in their order; empty ones are left out. */
export function withQuery(base: string, values: Record<string, string | null | undefined>): string {
  const query = new URLSearchParams(Object.entries(values).filter((e): e is [string, string] => Boolean(e[1]))).toString();
  return query ? `${base}?${query}` : base;
}

/** A list's "Export CSV" link: the file holds what the list's filters show. */
export function ExportLink({ workspaceId, list, filters }: { workspaceId: string; list: 'contacts' | 'efforts' | 'opportunities'; filters: Record<string, string | null | undefined> }) {
  return (
    <a href={withQuery(`/w/${workspaceId}/export/${list}`, filters)} download className="btn-secondary">
      Export CSV
    </a>
  );
}
