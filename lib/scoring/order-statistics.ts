/**
 * A multiset of values drawn from a fixed, known set, answering "k-th smallest" in O(log n): a Fenwick
 * tree of counts over the sorted distinct values. The scoring sweep keeps everyone's standing Brier
 * score in one, so the median Brier at each change point costs O(log n), not a re-sort.
 */
export class OrderStatistics {
  private readonly tree: Int32Array;
  private readonly topBit: number;
  private count = 0;

  /** `distinctValues` ascending; ranks passed to add/remove index into it. */
  constructor(private readonly distinctValues: readonly number[]) {
    this.tree = new Int32Array(distinctValues.length + 1);
    let bit = 1;
    while (bit * 2 <= distinctValues.length) bit *= 2;
    this.topBit = bit;
  }

  get size(): number {
    return this.count;
  }

  add(rank: number, delta: 1 | -1): void {
    this.count += delta;
    for (let i = rank + 1; i < this.tree.length; i += i & -i) this.tree[i] += delta;
  }

  /** The k-th smallest value held, k = 0 … size − 1. */
  kth(k: number): number {
    let position = 0;
    let remaining = k + 1;
    for (let bit = this.topBit; bit > 0; bit >>= 1) {
      const next = position + bit;
      if (next < this.tree.length && this.tree[next] < remaining) {
        position = next;
        remaining -= this.tree[next];
      }
    }
    return this.distinctValues[position];
  }

  /** Median of the values held (an even count: mean of the two middle ones). Size must be ≥ 1. */
  median(): number {
    const n = this.count;
    return n % 2 === 1 ? this.kth((n - 1) / 2) : (this.kth(n / 2 - 1) + this.kth(n / 2)) / 2;
  }
}
