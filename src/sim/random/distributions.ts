/**
 * Samplers for MODEL.md's distributions, parameterised as the scenario gives them (mean and
 * coefficient of variation cv = standard deviation / mean). Each sampler draws only from the
 * stream it is handed, so the stream decides every value.
 */
import type { Distribution } from '../../shared/scenario';
import type { Rng } from './rng';

export type Sampler = (rng: Rng) => number;

/** A standard normal deviate (Box-Muller, both uniforms from `rng`, nothing cached between calls). */
export function standardNormal(rng: Rng): number {
  const u = rng.nextOpen();
  const v = rng.next();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** Gamma(shape, scale 1) by Marsaglia and Tsang (2000); shape < 1 by the boost u^(1/shape). */
export function standardGamma(rng: Rng, shape: number): number {
  if (shape < 1) return standardGamma(rng, shape + 1) * Math.pow(rng.nextOpen(), 1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = standardNormal(rng);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = rng.nextOpen();
    if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v;
  }
}

/** The mean of a distribution (for estimates and for tests). */
export function meanOf(dist: Distribution): number {
  switch (dist.dist) {
    case 'fixed':
      return dist.value;
    case 'exponential':
    case 'lognormal':
    case 'gamma':
      return dist.mean;
    case 'uniform':
      return (dist.min + dist.max) / 2;
    case 'empirical':
      return dist.values.reduce((a, b) => a + b, 0) / dist.values.length;
  }
}

/** A sampler for `dist`; values are >= 0. */
export function sampler(dist: Distribution): Sampler {
  switch (dist.dist) {
    case 'fixed': {
      const value = dist.value;
      return () => value;
    }
    case 'exponential': {
      const mean = dist.mean;
      return (rng) => -mean * Math.log(rng.nextOpen());
    }
    case 'lognormal': {
      // mean = exp(mu + s2/2), cv^2 = exp(s2) - 1
      const s2 = Math.log(1 + dist.cv * dist.cv);
      const sigma = Math.sqrt(s2);
      const mu = Math.log(dist.mean) - s2 / 2;
      return (rng) => Math.exp(mu + sigma * standardNormal(rng));
    }
    case 'gamma': {
      // shape k = 1/cv^2, scale = mean/k
      const shape = 1 / (dist.cv * dist.cv);
      const scale = dist.mean / shape;
      return (rng) => scale * standardGamma(rng, shape);
    }
    case 'uniform': {
      const { min, max } = dist;
      return (rng) => min + (max - min) * rng.next();
    }
    case 'empirical': {
      const values = dist.values.slice();
      return (rng) => values[Math.floor(rng.next() * values.length)]!;
    }
  }
}
