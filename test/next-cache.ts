// Next's revalidation works only inside a request; here every call is recorded instead, so a test
// can assert which pages an action would have refreshed (vi.mocked(revalidatePath).mock.calls).
import { vi } from 'vitest';

vi.mock('next/cache', () => ({
  revalidatePath: vi.fn(),
  revalidateTag: vi.fn(),
  updateTag: vi.fn(),
  refresh: vi.fn(),
}));
