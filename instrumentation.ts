/** Runs once as each server starts: refuses configurations that would expose what they must not. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { devOutboxRefusal } = await import('@/lib/env');
  const refusal = devOutboxRefusal();
  if (refusal) {
    console.error(`[start] ${refusal}`);
    process.exit(1);
  }
}
