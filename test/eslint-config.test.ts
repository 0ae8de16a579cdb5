import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The architecture's import arrows are lint rules; these prove each one fails a wrong import.
const eslint = new ESLint({ cwd: path.resolve(import.meta.dirname, '..') });

async function restricted(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.filter((m) => m.ruleId === '@typescript-eslint/no-restricted-imports').map((m) => m.message);
}

describe('import arrows', () => {
  it('keep the payoff model free of the database, React and Next', async () => {
    for (const code of [
      "import { getDb } from '@/lib/data/context';",
      "import { efforts } from '@/db/schema';",
      "import { sql } from 'drizzle-orm';",
      "import { listEfforts } from '../data/efforts';",
      "import { useState } from 'react';",
      "import { notFound } from 'next/navigation';",
      "import 'server-only';",
    ]) {
      expect(await restricted('lib/payoff/x.ts', `${code}\nexport const x = 1;\n`), code).toHaveLength(1);
    }
    expect(await restricted('lib/payoff/x.ts', "import { CHANNELS } from './channels';\nexport const x = CHANNELS;\n")).toEqual([]);
  });

  it('keep db/ from importing lib/ or app/', async () => {
    for (const code of ["import { env } from '@/lib/env';", "import { hashPassword } from '../lib/password';", "import x from '@/app/page';"]) {
      expect(await restricted('db/x.ts', `${code}\nexport const y = 1;\n`), code).toHaveLength(1);
    }
    expect(await restricted('db/x.ts', "import { users } from './schema';\nexport const y = users;\n")).toEqual([]);
  });

  it('let app/ take only types from db/', async () => {
    expect(await restricted('app/x/page.tsx', "import { users } from '@/db/schema';\nexport const y = users;\n")).toHaveLength(1);
    expect(await restricted('app/x/page.tsx', "import { getDb } from '@/db';\nexport const y = getDb;\n")).toHaveLength(1);
    expect(await restricted('app/x/page.tsx', "import type { Role } from '@/db/schema';\nexport type R = Role;\n")).toEqual([]);
    expect(await restricted('app/x/page.tsx', "import { listEfforts } from '@/lib/data/efforts';\nexport const y = listEfforts;\n")).toEqual([]);
  });

  it('keep schemas free of database code', async () => {
    expect(await restricted('lib/schemas/x.ts', "import { efforts } from '@/db/schema';\nexport const y = efforts;\n")).toHaveLength(1);
    expect(await restricted('lib/schemas/x.ts', "import { listEfforts } from '../data/efforts';\nexport const y = listEfforts;\n")).toHaveLength(1);
    expect(await restricted('lib/schemas/x.ts', "import type { Role } from '@/db/schema';\nexport type R = Role;\n")).toEqual([]);
  });
});
