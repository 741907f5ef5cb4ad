/** A seeded pseudo-random source: the same seed gives the same corpus and questions on every machine. */
export type Random = {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both included. */
  int(min: number, max: number): number;
  /** True with probability `p`. */
  chance(p: number): boolean;
  /** One element of a non-empty list, uniformly. */
  pick<T>(items: readonly T[]): T;
  /** One element of a non-empty list, early elements far likelier (Zipf-like, exponent about 1). */
  zipf<T>(items: readonly T[]): T;
};

/** Creates a {@link Random} from a 32-bit seed (mulberry32: small, fast and well distributed). */
export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => next() < p,
    pick: (items) => items[Math.floor(next() * items.length)]!,
    // Inverse transform of a continuous 1/x density over [1, n + 1): rank r is drawn with probability about 1/(r·ln n).
    zipf: (items) => items[Math.min(items.length - 1, Math.floor(Math.exp(next() * Math.log(items.length + 1))) - 1)]!,
  };
}

/** A stable 32-bit hash of a string (FNV-1a), for deriving seeds and file names. */
export function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
