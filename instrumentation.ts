// Next calls register() once per server process, before the first request: it refuses
// configurations that would expose what they must not, then checks what instances must share.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { devOutboxRefusal } = await import('@/lib/env');
  const refusal = devOutboxRefusal();
  if (refusal) {
    console.error(`[start] ${refusal}`);
    process.exit(1);
  }
  const { startInstance } = await import('./lib/startup');
  await startInstance();
}
