// Applies pending migrations to the configured database (DATABASE_URL, or the embedded one).
import { migrateDatabase, openDatabase, optionsFromEnv } from '@/db';
import { env } from '@/lib/env';

const options = optionsFromEnv(env());
const handle = await openDatabase({ ...options, migrate: false });
try {
  await migrateDatabase(handle);
  console.log(`Migrations applied (${handle.driver}).`);
} finally {
  await handle.close();
}
