import { describe, expect, it } from 'vitest';
import { channelEnum } from '@/db/schema';
import { CHANNEL_KEYS } from '@/lib/payoff';

// db/ and the payoff model may not import each other, so each spells the channels; they must agree.
describe('channels', () => {
  it('the database accepts exactly the channels the payoff model grades, in the same order', () => {
    expect([...channelEnum.enumValues]).toEqual([...CHANNEL_KEYS]);
  });
});
