// Timing comparisons for answers that must not tell whether an account exists (sign-up, password
// reset): the two kinds of call run in pairs, back to back, alternating which goes first, and are judged
// on the differences within pairs, so a machine busy with other work slows both sides of a pair alike.

export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function timed(call: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await call();
  return performance.now() - started;
}

/** Runs `first(i)` and `second(i)` as pairs (the first `warmUp` pairs are not kept) and returns their times in ms. */
export async function timePairs(
  pairs: number,
  warmUp: number,
  first: (i: number) => Promise<unknown>,
  second: (i: number) => Promise<unknown>,
): Promise<{ first: number[]; second: number[] }> {
  const result = { first: [] as number[], second: [] as number[] };
  for (let i = 0; i < pairs + warmUp; i++) {
    // Which goes first alternates, so neither side always runs right after the other's work.
    let a: number, b: number;
    if (i % 2) {
      a = await timed(() => first(i));
      b = await timed(() => second(i));
    } else {
      b = await timed(() => second(i));
      a = await timed(() => first(i));
    }
    if (i >= warmUp) {
      result.first.push(a);
      result.second.push(b);
    }
  }
  return result;
}

/**
 * The same time: the median difference within pairs is under 30% of the faster median, or under 2 ms
 * (below that, scheduling noise dominates).
 */
export function sameTime(a: number[], b: number[]): boolean {
  const gap = Math.abs(median(a.map((x, i) => x - b[i])));
  return gap < 0.3 * Math.min(median(a), median(b)) || gap < 2;
}

/**
 * For the self-check beside each comparison: a delay twice what sameTime lets through for calls like
 * `a` and `b`. The same pairs run again with it added to one side must not pass as the same time, or
 * the comparison could not have failed.
 */
export function detectableDelay(a: number[], b: number[]): number {
  return Math.max(0.6 * Math.min(median(a), median(b)), 4);
}
