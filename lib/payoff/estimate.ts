/**
 * The statistics behind "an estimate with a plausible range": rates of rare events (wins,
 * opportunities) per hour as Gamma distributions, and shares (contacts who remember you) as
 * Wilson intervals. Pure numerics; docs/payoff.md shows the same figures worked by hand.
 */

/** Natural log of the Gamma function (Lanczos, g = 7), accurate to ~1e-13 for x > 0. */
export function logGamma(x: number): number {
  const c = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
    12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
  ];
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const z = x - 1;
  let a = c[0]!;
  const t = z + 7.5;
  for (let i = 1; i < 9; i++) a += c[i]! / (z + i);
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
}

/** Regularized lower incomplete gamma P(shape, x): the chance that a Gamma(shape, 1) draw is below x. */
export function gammaCdf(shape: number, x: number): number {
  if (x <= 0) return 0;
  const lead = shape * Math.log(x) - x - logGamma(shape);
  if (x < shape + 1) {
    // Series: converges quickly below the mean.
    let term = 1 / shape;
    let sum = term;
    for (let n = 1; n < 500; n++) {
      term *= x / (shape + n);
      sum += term;
      if (Math.abs(term) < Math.abs(sum) * 1e-14) break;
    }
    return Math.min(1, sum * Math.exp(lead));
  }
  // Continued fraction (modified Lentz) for the upper tail, above the mean.
  const tiny = 1e-300;
  let b = x + 1 - shape;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 500; i++) {
    const an = -i * (i - shape);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-14) break;
  }
  return Math.max(0, 1 - Math.exp(lead) * h);
}

/** The p-quantile of Gamma(shape, rate), by bisection on the distribution function. */
export function gammaQuantile(shape: number, rate: number, p: number): number {
  if (shape <= 0 || rate <= 0) return 0;
  let lo = 0;
  let hi = Math.max(1, shape) * 4;
  while (gammaCdf(shape, hi) < p) hi *= 2;
  for (let i = 0; i < 200; i++) {
    const mid = (lo + hi) / 2;
    if (gammaCdf(shape, mid) < p) lo = mid;
    else hi = mid;
    if (hi - lo < 1e-12 * Math.max(1, hi)) break;
  }
  return (lo + hi) / 2 / rate;
}

export interface RateEstimate {
  /** Events per hour, after mixing in the prior. */
  estimate: number;
  low: number;
  high: number;
  /** Gamma posterior parameters, kept so "how many more hours" can be projected. */
  shape: number;
  rate: number;
}

/**
 * A per-hour rate of countable events (wins, opportunities) as a Gamma–Poisson estimate:
 * the prior is `priorRate` observed over `priorHours`, plus a floor of half an event (so that
 * no history at all still leaves an honest, wide range rather than a certain zero).
 */
export function estimateRate(
  events: number,
  hours: number,
  { priorRate, priorHours, minPriorEvents, lowP, highP }: { priorRate: number; priorHours: number; minPriorEvents: number; lowP: number; highP: number },
): RateEstimate {
  const shape = Math.max(0, events) + Math.max(priorRate * priorHours, minPriorEvents);
  const rate = Math.max(0, hours) + priorHours;
  return {
    estimate: shape / rate,
    low: gammaQuantile(shape, rate, lowP),
    high: gammaQuantile(shape, rate, highP),
    shape,
    rate,
  };
}

/** Wilson score interval of successes out of trials at the given z, clipped to 0–1. */
export function wilsonInterval(successes: number, trials: number, z: number): { low: number; high: number } {
  if (trials <= 0) return { low: 0, high: 1 };
  const p = Math.min(Math.max(successes / trials, 0), 1);
  const z2 = z * z;
  const centre = p + z2 / (2 * trials);
  const spread = z * Math.sqrt((p * (1 - p)) / trials + z2 / (4 * trials * trials));
  const denominator = 1 + z2 / trials;
  return { low: Math.max(0, (centre - spread) / denominator), high: Math.min(1, (centre + spread) / denominator) };
}
