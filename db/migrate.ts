// Applies pending migrations to the configured database (DATABASE_URL, or the embedded one).
import { migrateDatabase, openDatabase, optionsFromEnv } from './index';

const options = optionsFromEnv(process.env);
const handle = await openDatabase({ ...options, migrate: false });
try {
  await migrateDatabase(handle);
  console.log(`Migrations applied (${handle.driver}).`);
} finally {
  await handle.close();
}
