import { describe, expect, it } from 'vitest';
import { attribute, creditOpportunities, median } from './attribution';
import type { ChannelKey } from './channels';
import type { AttributionModel, OpportunityTouches, Stage } from './types';

function opp(touches: ChannelKey[], extra: Partial<OpportunityTouches> = {}): OpportunityTouches {
  return {
    id: 'o1',
    stage: 'lead',
    expectedValue: 0,
    wonValue: 0,
    openedOn: '2025-03-01',
    effortChannel: null,
    touches,
    daysFromMeetingToOpen: null,
    ...extra,
  };
}

const MODELS: AttributionModel[] = ['first', 'last', 'linear', 'position'];

function expectShares(actual: ReturnType<typeof attribute>, expected: Partial<Record<ChannelKey, number>>) {
  expect(actual).not.toBeNull();
  expect(Object.keys(actual!).sort()).toEqual(Object.keys(expected).sort());
  for (const [channel, share] of Object.entries(expected)) {
    expect(actual![channel as ChannelKey]).toBeCloseTo(share, 10);
  }
}

describe('attribute', () => {
  const journey: ChannelKey[] = ['events', 'volunteering', 'events', 'linkedin'];

  it('first touch credits the channel where the contact was met', () => {
    expectShares(attribute(opp(journey), 'first'), { events: 1 });
  });

  it('last touch credits the last channel before the opportunity opened', () => {
    expectShares(attribute(opp(journey), 'last'), { linkedin: 1 });
  });

  it('linear splits equally across distinct channels, not touches', () => {
    // events is touched twice but is one of three channels.
    expectShares(attribute(opp(journey), 'linear'), { events: 1 / 3, volunteering: 1 / 3, linkedin: 1 / 3 });
  });

  it('position-based gives 100 % to a single touch', () => {
    expectShares(attribute(opp(['interviews']), 'position'), { interviews: 1 });
  });

  it('position-based splits two touches 50/50', () => {
    expectShares(attribute(opp(['events', 'linkedin']), 'position'), { events: 0.5, linkedin: 0.5 });
  });

  it('position-based gives both halves to one channel touched twice', () => {
    expectShares(attribute(opp(['linkedin', 'linkedin']), 'position'), { linkedin: 1 });
  });

  it('position-based gives 40/20/40 with one middle touch', () => {
    expectShares(attribute(opp(['events', 'volunteering', 'linkedin']), 'position'), {
      events: 0.4,
      volunteering: 0.2,
      linkedin: 0.4,
    });
  });

  it('position-based splits the middle 20 % by touch, so a channel twice in the middle gets two shares', () => {
    const touches: ChannelKey[] = ['events', 'volunteering', 'organizations', 'volunteering', 'linkedin'];
    expectShares(attribute(opp(touches), 'position'), {
      events: 0.4,
      volunteering: 0.2 * (2 / 3),
      organizations: 0.2 / 3,
      linkedin: 0.4,
    });
  });

  it('position-based adds first and last shares when they are the same channel', () => {
    expectShares(attribute(opp(['events', 'volunteering', 'events']), 'position'), { events: 0.8, volunteering: 0.2 });
  });

  it('an effort-tied opportunity credits the effort channel in full under every model', () => {
    for (const model of MODELS) {
      expectShares(attribute(opp(['events', 'linkedin'], { effortChannel: 'stretch' }), model), { stretch: 1 });
    }
  });

  it('an effort-tied opportunity is credited even without touches', () => {
    expectShares(attribute(opp([], { effortChannel: 'stretch' }), 'linear'), { stretch: 1 });
  });

  it('returns null for no touches and no effort under every model', () => {
    for (const model of MODELS) expect(attribute(opp([]), model)).toBeNull();
  });
});

describe('creditOpportunities', () => {
  it('credits count, win and won value fractionally', () => {
    const { byChannel, uncredited } = creditOpportunities(
      [opp(['events', 'linkedin'], { stage: 'won', wonValue: 1000, expectedValue: 900 })],
      'linear',
    );
    expect(uncredited).toBe(0);
    const events = byChannel.get('events')!;
    expect(events.opportunities).toBeCloseTo(0.5, 10);
    expect(events.won).toBeCloseTo(0.5, 10);
    expect(events.wonValue).toBeCloseTo(500, 10);
    // A won opportunity is no longer open pipeline.
    expect(events.pipeline).toBe(0);
    expect(byChannel.get('linkedin')!.wonValue).toBeCloseTo(500, 10);
  });

  it('weights open pipeline by stage: lead 10 %, talking 25 %, proposal 50 %, won and lost 0', () => {
    const expected: Record<Stage, number> = { lead: 100, talking: 250, proposal: 500, won: 0, lost: 0 };
    for (const [stage, pipeline] of Object.entries(expected) as [Stage, number][]) {
      const { byChannel } = creditOpportunities([opp(['interviews'], { stage, expectedValue: 1000 })], 'first');
      expect(byChannel.get('interviews')!.pipeline).toBeCloseTo(pipeline, 10);
    }
  });

  it('splits stage-weighted pipeline by position share', () => {
    const { byChannel } = creditOpportunities(
      [opp(['events', 'volunteering', 'linkedin'], { stage: 'proposal', expectedValue: 2000 })],
      'position',
    );
    expect(byChannel.get('events')!.pipeline).toBeCloseTo(400, 10);
    expect(byChannel.get('volunteering')!.pipeline).toBeCloseTo(200, 10);
    expect(byChannel.get('linkedin')!.pipeline).toBeCloseTo(400, 10);
  });

  it('counts a lost opportunity as an opportunity without win or pipeline', () => {
    const { byChannel } = creditOpportunities([opp(['other'], { stage: 'lost', expectedValue: 5000 })], 'first');
    expect(byChannel.get('other')).toEqual({ opportunities: 1, won: 0, wonValue: 0, pipeline: 0, daysToOpen: [] });
  });

  it('counts opportunities without contact or effort as uncredited and credits nobody', () => {
    const { byChannel, uncredited } = creditOpportunities(
      [opp([]), opp([], { id: 'o2' }), opp(['events'], { id: 'o3' })],
      'first',
    );
    expect(uncredited).toBe(2);
    expect([...byChannel.keys()]).toEqual(['events']);
    expect(byChannel.get('events')!.opportunities).toBe(1);
  });

  it('uses an opportunity for time to first opportunity only where the channel holds at least half of it', () => {
    const { byChannel } = creditOpportunities(
      [
        opp(['events', 'volunteering', 'linkedin'], { id: 'a', daysFromMeetingToOpen: 20 }),
        opp(['volunteering', 'linkedin'], { id: 'b', daysFromMeetingToOpen: 8 }),
        opp(['volunteering'], { id: 'c', daysFromMeetingToOpen: null }),
      ],
      'position',
    );
    expect(byChannel.get('events')!.daysToOpen).toEqual([]);
    expect(byChannel.get('volunteering')!.daysToOpen).toEqual([8]);
    expect(byChannel.get('linkedin')!.daysToOpen).toEqual([8]);
  });

  it('does not lose a half share to floating-point rounding', () => {
    // 28 touches: events holds 0.4 + 13 × 0.2/26, which sums to 0.49999999999999967 in floating point.
    const touches: ChannelKey[] = ['events', ...Array<ChannelKey>(13).fill('events'), ...Array<ChannelKey>(13).fill('linkedin'), 'other'];
    const { byChannel } = creditOpportunities([opp(touches, { daysFromMeetingToOpen: 12 })], 'position');
    expect(byChannel.get('events')!.opportunities).toBeCloseTo(0.5, 10);
    expect(byChannel.get('events')!.daysToOpen).toEqual([12]);
    expect(byChannel.get('linkedin')!.daysToOpen).toEqual([]);
  });
});

describe('median', () => {
  it('is null for no values', () => {
    expect(median([])).toBeNull();
  });
  it('takes the middle of an odd count, unsorted input', () => {
    expect(median([30, 3, 9])).toBe(9);
  });
  it('averages the two middle values of an even count', () => {
    expect(median([60, 14, 45, 30])).toBe(37.5);
  });
});
