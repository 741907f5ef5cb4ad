// Deterministic fitting of the linear models: a listwise softmax (one group of items per question, some of them
// right) and a logistic regression. Features are standardised while fitting; the weights returned apply to the raw
// feature values, so the product computes a plain dot product.

/** One question's items: each item's feature values, and how much it counts as right (0 for wrong). */
export type Group = { items: number[][]; targets: number[]; weight: number };

/** One labelled example for a logistic regression. */
export type Example = { values: number[]; label: 0 | 1; weight: number };

/** Fitted weights in raw feature units, and the bias. */
export type Fitted = { weights: number[]; bias: number };

/** Options shared by the fitters. */
export type FitOptions = {
  l2?: number;
  iterations?: number;
  learningRate?: number;
  /** Features fixed at 0 (ablation). */
  drop?: ReadonlySet<number>;
  /** The least spread a feature is standardised by, so a rarely seen flag is not blown up into a large raw weight. */
  minStd?: number;
};

type Scale = { mean: number[]; std: number[] };

function scaleOf(rows: readonly number[][], width: number, minStd = 0): Scale {
  const mean = new Array<number>(width).fill(0);
  const std = new Array<number>(width).fill(0);
  for (const row of rows) for (let j = 0; j < width; j++) mean[j]! += row[j]!;
  for (let j = 0; j < width; j++) mean[j]! /= Math.max(1, rows.length);
  for (const row of rows) for (let j = 0; j < width; j++) std[j]! += (row[j]! - mean[j]!) ** 2;
  for (let j = 0; j < width; j++) std[j] = Math.max(minStd, Math.sqrt(std[j]! / Math.max(1, rows.length))) || 1;
  return { mean, std };
}

function standardise(row: readonly number[], scale: Scale, drop: ReadonlySet<number> | undefined): number[] {
  return row.map((value, j) => (drop?.has(j) ? 0 : (value - scale.mean[j]!) / scale.std[j]!));
}

function toRaw(weights: readonly number[], bias: number, scale: Scale): Fitted {
  const raw = weights.map((weight, j) => weight / scale.std[j]!);
  return { weights: raw, bias: bias - raw.reduce((sum, weight, j) => sum + weight * scale.mean[j]!, 0) };
}

// Adam with full batches: steady and deterministic for the small, smooth problems here.
function adam(width: number, withBias: boolean, gradient: (w: number[], b: number) => { grad: number[]; gradBias: number; loss: number }, options: FitOptions): { w: number[]; b: number } {
  const iterations = options.iterations ?? 600;
  const rate = options.learningRate ?? 0.05;
  const w = new Array<number>(width).fill(0);
  let b = 0;
  const m = new Array<number>(width + 1).fill(0);
  const v = new Array<number>(width + 1).fill(0);
  for (let t = 1; t <= iterations; t++) {
    const { grad, gradBias } = gradient(w, b);
    const all = [...grad, withBias ? gradBias : 0];
    for (let j = 0; j <= width; j++) {
      m[j] = 0.9 * m[j]! + 0.1 * all[j]!;
      v[j] = 0.999 * v[j]! + 0.001 * all[j]! ** 2;
      const step = (rate * (m[j]! / (1 - 0.9 ** t))) / (Math.sqrt(v[j]! / (1 - 0.999 ** t)) + 1e-8);
      if (j < width) {
        if (!options.drop?.has(j)) w[j]! -= step;
      } else if (withBias) b -= step;
    }
  }
  return { w, b };
}

/** Fits a listwise softmax: within each group, the probability mass on the right items is pushed up. */
export function fitListwise(groups: readonly Group[], width: number, options: FitOptions = {}): Fitted {
  const scale = scaleOf(groups.flatMap((group) => group.items), width, options.minStd);
  // One flat array of standardised values, so each step is a tight loop over numbers.
  const sizes = groups.map((group) => group.items.length);
  const total = sizes.reduce((a, b) => a + b, 0);
  const values = new Float64Array(total * width);
  const targets = new Float64Array(total);
  const groupWeights = groups.map((group) => group.weight);
  let row = 0;
  for (const group of groups) {
    const targetTotal = group.targets.reduce((a, b) => a + b, 0) || 1;
    for (const [i, item] of group.items.entries()) {
      const standard = standardise(item, scale, options.drop);
      values.set(standard, row * width);
      targets[row] = group.targets[i]! / targetTotal;
      row++;
    }
  }
  const l2 = options.l2 ?? 1e-3;
  const weightSum = groupWeights.reduce((sum, weight) => sum + weight, 0) || 1;
  const scores = new Float64Array(total);
  const { w } = adam(
    width,
    false,
    (weights) => {
      const grad = weights.map((weight) => l2 * weight);
      let loss = 0;
      for (let r = 0; r < total; r++) {
        let score = 0;
        for (let j = 0; j < width; j++) score += values[r * width + j]! * weights[j]!;
        scores[r] = score;
      }
      let from = 0;
      for (let g = 0; g < sizes.length; g++) {
        const to = from + sizes[g]!;
        let top = -Infinity;
        for (let r = from; r < to; r++) top = Math.max(top, scores[r]!);
        let sum = 0;
        for (let r = from; r < to; r++) sum += Math.exp(scores[r]! - top);
        const scale = groupWeights[g]! / weightSum;
        // The target spreads over the right items by their credit; the loss is the cross-entropy against it.
        for (let r = from; r < to; r++) {
          const p = Math.exp(scores[r]! - top) / sum;
          if (targets[r]! > 0) loss -= scale * targets[r]! * Math.log(p + 1e-12);
          const diff = scale * (p - targets[r]!);
          if (diff === 0) continue;
          for (let j = 0; j < width; j++) grad[j]! += diff * values[r * width + j]!;
        }
        from = to;
      }
      return { grad, gradBias: 0, loss };
    },
    options,
  );
  return toRaw(w, 0, scale);
}

/** Fits a weighted logistic regression with an L2 penalty. */
export function fitLogistic(examples: readonly Example[], width: number, options: FitOptions = {}): Fitted {
  const scale = scaleOf(examples.map((example) => example.values), width, options.minStd);
  const data = examples.map((example) => ({ ...example, values: standardise(example.values, scale, options.drop) }));
  const l2 = options.l2 ?? 1e-3;
  const totalWeight = data.reduce((sum, example) => sum + example.weight, 0) || 1;
  const { w, b } = adam(
    width,
    true,
    (weights, bias) => {
      const grad = weights.map((weight) => l2 * weight);
      let gradBias = 0;
      let loss = 0;
      for (const example of data) {
        const z = example.values.reduce((sum, value, j) => sum + value * weights[j]!, bias);
        const p = 1 / (1 + Math.exp(-z));
        loss -= (example.weight * (example.label ? Math.log(p + 1e-12) : Math.log(1 - p + 1e-12))) / totalWeight;
        const diff = (example.weight * (p - example.label)) / totalWeight;
        for (let j = 0; j < width; j++) grad[j]! += diff * example.values[j]!;
        gradBias += diff;
      }
      return { grad, gradBias, loss };
    },
    options,
  );
  return toRaw(w, b, scale);
}
