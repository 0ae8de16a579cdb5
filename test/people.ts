// People for data tests, inserted directly: password hashing is slow and beside the point there.
import type { DbHandle } from '@/db';
import { users } from '@/db/schema';

let seq = 0;

/** A user row with an address no other test person has; confirmed only when asked. */
export async function addPerson(handle: DbHandle, name: string, { verified = false } = {}) {
  seq += 1;
  const [u] = await handle.db
    .insert(users)
    .values({ name, email: `${name.toLowerCase()}-${seq}@example.com`, passwordHash: 'not used', emailVerifiedAt: verified ? new Date() : null })
    .returning({ id: users.id, name: users.name, email: users.email });
  return u;
}
