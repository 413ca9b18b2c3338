import type { Lease } from './lease.js';

/** A lease as one poller sees it when deciding what to take. */
export interface LeaseView {
  readonly lease: Lease;
  /** Its owner stopped renewing for the lease duration (by this poller's observation). */
  readonly expired: boolean;
  /** Unfinished and its parents are finished: it may be processed now. */
  readonly ready: boolean;
}

/** What one poller should do this round. */
export interface LeaseChoice {
  /** Leases to take with a fenced write: free, expired, or already assigned to this poller. */
  readonly take: readonly Lease[];
  /** A lease to ask its owner to hand over, when this poller has too few and none is free. */
  readonly requestHandoff: Lease | undefined;
}

/** Inputs of `chooseLeases`. */
export interface ChooseLeasesInput {
  readonly me: string;
  readonly views: readonly LeaseView[];
  /** Shard ids this poller holds and is processing. */
  readonly held: ReadonlySet<string>;
  readonly maxLeases: number;
  /** Uniform in [0, 1): shuffles candidates so pollers do not all race for the same lease. */
  readonly random: () => number;
}

const shuffled = <A>(items: readonly A[], random: () => number): A[] => {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as A, out[i] as A];
  }
  return out;
};

/**
 * Balances ready leases across live pollers, KCL style: each aims for ⌈ready / pollers⌉; it
 * takes free or expired leases first, and only when there are none asks the most loaded poller
 * (one above target, or at target while this one lacks two or more) to hand one over.
 * A live poller is one owning an unexpired ready lease, plus this one.
 */
export const chooseLeases = ({
  me,
  views,
  held,
  maxLeases,
  random,
}: ChooseLeasesInput): LeaseChoice => {
  const ready = views.filter((v) => v.ready);
  const assigned = ready.filter((v) => v.lease.owner === me && !held.has(v.lease.shardId));
  const counts = new Map<string, number>([[me, held.size + assigned.length]]);
  for (const { lease, expired } of ready)
    if (lease.owner !== undefined && lease.owner !== me && !expired)
      counts.set(lease.owner, (counts.get(lease.owner) ?? 0) + 1);
  const target = Math.min(maxLeases, Math.ceil(ready.length / counts.size));
  const needed = target - (counts.get(me) ?? 0);
  const available = shuffled(
    ready.filter((v) => v.lease.owner !== me && (v.lease.owner === undefined || v.expired)),
    random,
  );
  const take = [...assigned, ...available.slice(0, Math.max(0, needed))].map((v) => v.lease);
  if (needed <= 0 || available.length > 0) return { take, requestHandoff: undefined };
  // One request at a time: wait for the owner to answer the last one.
  if (ready.some((v) => v.lease.handoffTo === me)) return { take, requestHandoff: undefined };

  let busiest: [string, number] | undefined;
  for (const entry of counts)
    if (entry[0] !== me && (!busiest || entry[1] > busiest[1])) busiest = entry;
  if (busiest === undefined) return { take, requestHandoff: undefined };
  const [owner, count] = busiest;
  if (count < target || (count === target && needed < 2))
    return { take, requestHandoff: undefined };
  const candidates = ready.filter(
    (v) => v.lease.owner === owner && !v.expired && v.lease.handoffTo === undefined,
  );
  const pick = shuffled(candidates, random)[0];
  return { take, requestHandoff: pick?.lease };
};
