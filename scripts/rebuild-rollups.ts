// Recomputes every workspace's per-day channel rollups from the raw rows, one transaction per workspace.
import { sql } from 'drizzle-orm';
import { openDatabase, optionsFromEnv } from '@/db';
import { workspaces } from '@/db/schema';
import { env } from '@/lib/env';

const handle = await openDatabase(optionsFromEnv(env()));
try {
  const all = await handle.db.select({ id: workspaces.id }).from(workspaces);
  for (const { id } of all) {
    await handle.db.transaction(async (tx) => {
      await tx.execute(sql`select rebuild_channel_days(${id}::uuid)`);
    });
  }
  console.log(`Rebuilt the rollups of ${all.length} workspace${all.length === 1 ? '' : 's'} (${handle.driver}).`);
} finally {
  await handle.close();
}
