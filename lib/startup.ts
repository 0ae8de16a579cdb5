import 'server-only';
import { optionsFromEnv } from '@/db';
import { getDb } from '@/lib/data/context';
import { env, productionProblems } from '@/lib/env';

/**
 * Runs once when a server process starts, before it takes requests: refuses to start a production
 * instance that would not agree with its siblings, and applies migrations when asked to (under the
 * advisory lock, so instances starting together do not race).
 */
export async function startInstance(): Promise<void> {
  const problems = productionProblems();
  if (problems.length) {
    console.error(
      `Groundwork will not start: this production instance shares a database with others and lacks what they must share.\n${problems
        .map((p) => `  - ${p}`)
        .join('\n')}\nSee docs/deploy.md.`,
    );
    process.exit(1);
  }
  const options = optionsFromEnv(env());
  if (options.driver !== 'pglite' && env().DATABASE_MIGRATE_ON_START === 'true') {
    // Opening the process-wide database migrates it (optionsFromEnv asks for it).
    await getDb();
    console.log('Migrations are current.');
  }
}
