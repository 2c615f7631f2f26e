/**
 * N−1 resilience: for each node, and for each zone (`topology.kubernetes.io/zone`), the drain
 * (or failure) of it alone from the cluster as it is, and what would stay pending and why; the
 * worst node and the worst zone named (most units left pending, then the most cpu, then memory
 * they request).
 *
 * @since 0.1.0
 */
import { assignedPodRequests, podRequests } from "../scheduler/model/Requests.ts"
import type { ClusterState } from "./ClusterState.ts"
import { drain, type DrainOutcome, type Pending } from "./Drain.ts"
import type { DisruptionMode } from "./Eviction.ts"
import type { Inventory } from "./Inventory.ts"

/** The zone label. @since 0.1.0 @category constants */
export const ZONE_LABEL = "topology.kubernetes.io/zone"

/**
 * One row of the table: a node or a zone taken out.
 *
 * @since 0.1.0
 * @category model
 */
export interface ResilienceRow {
  /** The node, or the zone. */
  readonly target: string
  readonly nodes: ReadonlyArray<string>
  /** Units that ran there and had to go (rescheduled, migrated, restarted, deleted or pending). */
  readonly evicted: number
  readonly rescheduled: number
  readonly migrated: number
  readonly deleted: number
  readonly pending: ReadonlyArray<Pending>
  /** Milli-cpu and bytes of memory the pending units request. */
  readonly pendingCpu: number
  readonly pendingMemory: number
  /** For a drain: whether it finishes (no refused eviction, blocked budget or migration without a target). */
  readonly completes: boolean
}

/**
 * The N−1 analysis.
 *
 * @since 0.1.0
 * @category model
 */
export interface Resilience {
  readonly mode: DisruptionMode
  readonly nodes: ReadonlyArray<ResilienceRow>
  readonly zones: ReadonlyArray<ResilienceRow>
  /** The node whose loss leaves the most pending; undefined when no node's loss leaves anything pending. */
  readonly worstNode?: ResilienceRow
  readonly worstZone?: ResilienceRow
  /** Nodes without a zone label (left out of the zone table). */
  readonly unzoned: ReadonlyArray<string>
}

/** Options of {@link resilience}. @since 0.1.0 @category model */
export interface ResilienceOptions {
  readonly mode?: DisruptionMode
  /** Also take out each zone. Default true. */
  readonly zones?: boolean
  /** Take out only these nodes (default: every node). */
  readonly only?: ReadonlyArray<string>
  /** Called after each node or zone. */
  readonly onProgress?: (done: number, total: number, target: string) => void
}

/**
 * A table row from a drain outcome.
 *
 * @since 0.1.0
 * @category constructors
 */
export const resilienceRow = (inv: Inventory, target: string, out: DrainOutcome): ResilienceRow => {
  let cpu = 0
  let memory = 0
  for (const p of out.pending) {
    const r = podRequests(inv.units.get(p.key)!.pod)
    cpu += r["cpu"] ?? 0
    memory += r["memory"] ?? 0
  }
  return {
    target,
    nodes: out.drained,
    evicted: out.rescheduled.length + out.migrated.length + out.deleted.filter((d) => out.drained.includes(d.node)).length + out.pending.length,
    rescheduled: out.rescheduled.length,
    migrated: out.migrated.length,
    deleted: out.deleted.length,
    pending: out.pending,
    pendingCpu: cpu,
    pendingMemory: memory,
    completes: out.completes,
  }
}

/**
 * The worse of two rows: more pending, then more cpu, then more memory pending, then the first
 * name.
 *
 * @since 0.1.0
 * @category destructors
 */
export const worst = (rows: ReadonlyArray<ResilienceRow>): ResilienceRow | undefined =>
  rows
    .filter((r) => r.pending.length > 0)
    .reduce<ResilienceRow | undefined>(
      (w, r) =>
        w === undefined ||
        r.pending.length > w.pending.length ||
        (r.pending.length === w.pending.length && (r.pendingCpu > w.pendingCpu || (r.pendingCpu === w.pendingCpu && r.pendingMemory > w.pendingMemory)))
          ? r
          : w,
      undefined,
    )

/**
 * Each node, then each zone, taken out alone from `state`.
 *
 * @since 0.1.0
 * @category operations
 */
export const resilience = (inv: Inventory, state: ClusterState, options: ResilienceOptions = {}): Resilience => {
  const mode = options.mode ?? "drain"
  const zoneOf = new Map(state.nodes.map((n) => [n.name, n.labels[ZONE_LABEL]] as const))
  const zones = new Map<string, string[]>()
  for (const n of state.nodes) {
    const z = zoneOf.get(n.name)
    if (z !== undefined) {
      const names = zones.get(z)
      if (names === undefined) zones.set(z, [n.name])
      else names.push(n.name)
    }
  }
  const zoneList = options.zones === false ? [] : [...zones].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  const chosen = options.only === undefined ? state.nodes : state.nodes.filter((n) => options.only!.includes(n.name))
  const total = chosen.length + zoneList.length
  let done = 0
  const nodeRows = chosen.map((n) => {
    const row = resilienceRow(inv, n.name, drain(inv, state, [n.name], { mode }))
    options.onProgress?.(++done, total, n.name)
    return row
  })
  const zoneRows = zoneList.map(([zone, names]) => {
    const row = resilienceRow(inv, zone, drain(inv, state, names, { mode }))
    options.onProgress?.(++done, total, `zone ${zone}`)
    return row
  })
  const worstNode = worst(nodeRows)
  const worstZone = worst(zoneRows)
  return {
    mode,
    nodes: nodeRows,
    zones: zoneRows,
    ...(worstNode === undefined ? {} : { worstNode }),
    ...(worstZone === undefined ? {} : { worstZone }),
    unzoned: state.nodes.filter((n) => zoneOf.get(n.name) === undefined).map((n) => n.name),
  }
}

/**
 * The `count` nodes whose loss hurts most: the most pending, then the most cpu pending, then the
 * most units on them (so that a cluster where nothing pends still gets its busiest nodes).
 *
 * @since 0.1.0
 * @category destructors
 */
export const worstNodes = (r: Resilience, state: ClusterState, count: number): ReadonlyArray<string> => {
  const units = new Map<string, number>()
  for (const p of state.placed) units.set(p.node, (units.get(p.node) ?? 0) + 1)
  return [...r.nodes]
    .sort(
      (a, b) =>
        b.pending.length - a.pending.length ||
        b.pendingCpu - a.pendingCpu ||
        (units.get(b.target) ?? 0) - (units.get(a.target) ?? 0) ||
        (a.target < b.target ? -1 : a.target > b.target ? 1 : 0),
    )
    .slice(0, count)
    .map((x) => x.target)
}

/**
 * The `count` nodes carrying the most workload that a drain moves (the cpu, then memory, its
 * units request), for when taking out every node costs too much: the likeliest worst cases.
 *
 * @since 0.1.0
 * @category destructors
 */
export const busiestNodes = (inv: Inventory, state: ClusterState, count: number): ReadonlyArray<string> => {
  const load = new Map<string, { cpu: number; memory: number }>()
  for (const p of state.placed) {
    const u = inv.units.get(p.key)!
    if (u.owner?.kind === "DaemonSet" || u.owner?.kind === "Node") continue
    // what it holds there: a placed replacement its spec, a running pod what the scheduler counts
    const r = p.recreated === true ? podRequests(u.pod) : assignedPodRequests(u.pod).requests
    const l = load.get(p.node) ?? { cpu: 0, memory: 0 }
    load.set(p.node, { cpu: l.cpu + (r["cpu"] ?? 0), memory: l.memory + (r["memory"] ?? 0) })
  }
  const of = (n: string) => load.get(n) ?? { cpu: 0, memory: 0 }
  return [...state.nodes.map((n) => n.name)]
    .sort((a, b) => of(b).cpu - of(a).cpu || of(b).memory - of(a).memory || (a < b ? -1 : a > b ? 1 : 0))
    .slice(0, count)
}
