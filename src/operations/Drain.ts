/**
 * `kubectl drain` (or the loss of nodes) answered with the project's scheduler: cordon the
 * nodes (or remove them), decide each unit's fate (`Eviction.ts`), put the replacements in the
 * scheduling queue (higher priority first, then input order, as PrioritySort does) and schedule
 * them one by one with `Scheduler.schedule` on what is left, preemption included (a victim with
 * a controller goes back into the queue). A live-migrating VMI's target pod is scheduled with
 * its source node excluded, as KubeVirt's target pod is kept off it. Evicted members of a
 * StatefulSet with `podManagementPolicy: OrderedReady` are recreated in ordinal order, each once
 * the members below it are placed (taken as Running and Ready); one above a member that is never
 * placed is not created and stays pending with that reason. Members placed before the drain are
 * taken as Running and Ready (the inventory keeps no readiness). PodDisruptionBudgets then
 * say which evictions wait for replacements and which never happen: those pods stay, and the
 * scheduling is redone without them until nothing changes.
 *
 * @since 0.1.0
 */
import { notCreatedReason } from "../scheduler/batch.ts"
import type { SchedulingNode } from "../scheduler/model/SchedulingNode.ts"
import { type NodeSelectorTerm, type SchedulingPod, type SelectorRequirement, withoutStatusResources } from "../scheduler/model/SchedulingPod.ts"
import { placementMessage, schedulerFor, type ClusterState, type PendingUnit, type PlacedUnit } from "./ClusterState.ts"
import { budgetVerdict, selects, type BudgetVerdict } from "./DisruptionBudget.ts"
import { fateOf, vmiOwnerOf, type DisruptionMode, type Fate } from "./Eviction.ts"
import { restartsVmi, type Inventory, type Unit, type UnitKind } from "./Inventory.ts"
import { OperationsError } from "./OperationsError.ts"

/** A unit that moved. @since 0.1.0 @category model */
export interface Move {
  /** The unit's key in the inventory (`namespace/name`). */
  readonly key: string
  readonly name: string
  readonly namespace: string
  readonly kind: UnitKind
  readonly from: string
  readonly to: string
  /** `recreated` (a controller's replacement), `restarted` (a VM's new VMI) or `migrated`. */
  readonly action: "recreated" | "restarted" | "migrated"
}

/** A unit left without a node, with the scheduler's reason. @since 0.1.0 @category model */
export interface Pending {
  readonly key: string
  readonly name: string
  readonly namespace: string
  readonly kind: UnitKind
  readonly reason: string
  /** Where it ran. */
  readonly from: string
  readonly action: "recreated" | "restarted" | "migration" | "preempted"
}

/** A unit that is gone, or that stays, and why. @since 0.1.0 @category model */
export interface Disposed {
  readonly key: string
  readonly name: string
  readonly namespace: string
  readonly kind: UnitKind
  readonly node: string
  readonly why: string
}

/** A budget's verdict on a drain's evictions, by pod name. @since 0.1.0 @category model */
export interface BudgetReport {
  readonly name: string
  readonly namespace: string
  readonly expected: number
  readonly healthy: number
  readonly desiredHealthy: number
  readonly allowedAtStart: number
  readonly granted: ReadonlyArray<string>
  /** Evictions kubectl drain retries until earlier replacements are Ready. */
  readonly waits: ReadonlyArray<string>
  /** Evictions that never happen: the pods stay and the drain does not finish. */
  readonly blocked: ReadonlyArray<string>
}

/**
 * What a drain (or a failure) of some nodes does.
 *
 * @since 0.1.0
 * @category model
 */
export interface DrainOutcome {
  readonly mode: DisruptionMode
  readonly drained: ReadonlyArray<string>
  /** Controller replacements and restarted VMIs that found a node. */
  readonly rescheduled: ReadonlyArray<Move>
  readonly migrated: ReadonlyArray<Move>
  readonly pending: ReadonlyArray<Pending>
  /** Bare pods deleted, VMIs stopped, daemons of a lost node. */
  readonly deleted: ReadonlyArray<Disposed>
  /** DaemonSet and static pods, VMIs whose eviction is refused, pods a budget keeps. */
  readonly stays: ReadonlyArray<Disposed>
  /** Units a rescheduled pod preempted, and what became of them. */
  readonly preempted: ReadonlyArray<Disposed & { readonly by: string }>
  readonly budgets: ReadonlyArray<BudgetReport>
  /** Units no node took before the drain. */
  readonly alreadyPending: ReadonlyArray<{ readonly name: string; readonly namespace: string; readonly kind: UnitKind; readonly reason: string }>
  /** A drain finishes: no refused eviction, no blocked budget, no migration without a target. Always true for a failure. */
  readonly completes: boolean
  /** The cluster afterwards. */
  readonly state: ClusterState
}

/** Options of {@link drain}. @since 0.1.0 @category model */
export interface DrainOptions {
  readonly mode?: DisruptionMode
}

const memberships = new WeakMap<Inventory, ReadonlyMap<string, ReadonlyArray<string>>>()

/** Which budgets select each pod (by key), computed once per inventory: labels do not change. */
const budgetMembership = (inv: Inventory): ReadonlyMap<string, ReadonlyArray<string>> => {
  let m = memberships.get(inv)
  if (m === undefined) {
    const out = new Map<string, ReadonlyArray<string>>()
    for (const b of inv.budgets) {
      for (const u of inv.units.values()) {
        if (u.kind === "Pod" && u.namespace === b.namespace && selects(b.selector, u.labels)) out.set(u.key, [...(out.get(u.key) ?? []), `${b.namespace}/${b.name}`])
      }
    }
    memberships.set(inv, out)
    m = out
  }
  return m
}

/** The requirement KubeVirt's migration target pod carries: not on the source node. */
const excludeNode = (pod: SchedulingPod, node: string): SchedulingPod => {
  const notSource: SelectorRequirement = { key: "metadata.name", operator: "NotIn", values: [node] }
  const terms: ReadonlyArray<NodeSelectorTerm> =
    pod.requiredTerms === undefined
      ? [{ matchExpressions: [], matchFields: [notSource] }]
      : pod.requiredTerms.map((t) => ({ matchExpressions: t.matchExpressions, matchFields: [...t.matchFields, notSource] }))
  return { ...pod, requiredTerms: terms }
}

/** A new pod from a unit's spec: nothing bound yet, and none of the old pod's status (a resize in flight was the old pod's). */
const fresh = (pod: SchedulingPod): SchedulingPod => {
  const spec = withoutStatusResources(pod)
  if (spec.nodeName === undefined) return spec
  const { nodeName: _, ...rest } = spec
  return rest
}

interface QueueItem {
  readonly key: string
  readonly from: string
  readonly action: "recreated" | "restarted" | "migrated" | "preempted"
}

/** What becomes of a unit a preemption evicts. */
const preemptedFate = (u: Unit): Fate => {
  if (u.kind === "VirtualMachineInstance") {
    const owner = vmiOwnerOf(u)
    return owner !== undefined && (restartsVmi(u.vmi?.runStrategy) || u.vmi?.ownerMissing === true)
      ? { _tag: "Restarted", why: `preempted (its launcher pod is deleted); ${owner.kind} ${owner.name} starts a new VMI` }
      : { _tag: "Deleted", why: "preempted (its launcher pod is deleted): stopped" }
  }
  if (u.owner !== undefined && u.owner.kind !== "Node" && u.owner.kind !== "VirtualMachineInstance") return { _tag: "Recreated", why: `preempted; ${u.owner.kind} ${u.owner.name} creates a replacement` }
  return { _tag: "Deleted", why: "preempted and declares no controller: gone" }
}

const byQueueOrder = (inv: Inventory) => (a: QueueItem, b: QueueItem): number => {
  const ua = inv.units.get(a.key)!
  const ub = inv.units.get(b.key)!
  return ub.pod.priority - ua.pod.priority || ua.order - ub.order
}

interface Run {
  readonly placed: ReadonlyArray<PlacedUnit>
  readonly moves: ReadonlyArray<Move>
  readonly pending: ReadonlyArray<Pending>
  readonly preempted: ReadonlyArray<Disposed & { by: string }>
  /** Units placed at the end (by key). */
  readonly at: ReadonlyMap<string, string>
}

/**
 * Schedules the queue on the nodes with `kept` placed, preempted victims re-queued. A member of an
 * OrderedReady StatefulSet is recreated only once every member below it (of those in the state:
 * placed, queued, or `unplaced` before) is placed, as its controller creates one ordinal at a time
 * after the lower ones are Running and Ready; one whose lower member is never placed is not created.
 */
const schedule = (inv: Inventory, nodes: ReadonlyArray<SchedulingNode>, kept: ReadonlyArray<PlacedUnit>, items: ReadonlyArray<QueueItem>, unplaced: ReadonlyArray<string> = []): Run => {
  const s = schedulerFor(inv, nodes, kept)
  let placed: PlacedUnit[] = [...kept]
  const moves: Move[] = []
  const pending: Pending[] = []
  const preempted: Array<Disposed & { by: string }> = []
  const queue = [...items].sort(byQueueOrder(inv))
  // the OrderedReady members of the state, by set: a member not placed holds back the ones above it
  const members = new Map<string, string[]>()
  for (const key of [...kept.map((p) => p.key), ...items.map((i) => i.key), ...unplaced]) {
    const o = inv.units.get(key)?.ordered
    if (o !== undefined) members.set(o.set, [...(members.get(o.set) ?? []), key])
  }
  const at = new Set(placed.map((p) => p.key))
  /** The lowest member below `key`'s unit that is not placed, if any. */
  const heldBy = (key: string): string | undefined => {
    const o = inv.units.get(key)?.ordered
    if (o === undefined) return undefined
    let lowest: { key: string; ordinal: number } | undefined
    for (const k of members.get(o.set) ?? []) {
      const ok = inv.units.get(k)!.ordered!
      if (ok.ordinal < o.ordinal && !at.has(k) && (lowest === undefined || ok.ordinal < lowest.ordinal)) lowest = { key: k, ordinal: ok.ordinal }
    }
    return lowest?.key
  }
  // a preemption chain strictly lowers priority, so this ends; the bound is a guard
  let budget = 4 * (inv.units.size + items.length) + 16
  while (queue.length > 0 && budget-- > 0) {
    // the first queued unit that exists: a migration always, a replacement once its controller creates it
    const next = queue.findIndex((q) => q.action === "migrated" || heldBy(q.key) === undefined)
    if (next < 0) break
    const [item] = queue.splice(next, 1) as [QueueItem]
    const u = inv.units.get(item.key)!
    const pod = item.action === "migrated" ? excludeNode(fresh(u.pod), item.from) : fresh(u.pod)
    const p = s.schedule(pod)
    for (const v of p.victims) {
      const where = placed.find((x) => x.key === v)
      placed = placed.filter((x) => x.key !== v)
      at.delete(v)
      const vu = inv.units.get(v)
      if (vu === undefined || where === undefined) continue
      const fate = preemptedFate(vu)
      preempted.push({ key: v, name: vu.name, namespace: vu.namespace, kind: vu.kind, node: where.node, why: fate.why, by: u.name })
      if (fate._tag === "Recreated" || fate._tag === "Restarted") {
        queue.push({ key: v, from: where.node, action: "preempted" })
        queue.sort(byQueueOrder(inv))
      }
    }
    if (p.node === null) {
      const reason = placementMessage(p)
      if (item.action === "migrated") {
        // the migration fails: the VMI keeps running on its source node
        placed.push({ key: item.key, node: item.from })
        at.add(item.key)
        pending.push({ key: item.key, name: u.name, namespace: u.namespace, kind: u.kind, from: item.from, action: "migration", reason: `migration target pod: ${reason} The VMI keeps running on ${item.from}; KubeVirt retries and the drain does not finish.` })
      } else {
        pending.push({ key: item.key, name: u.name, namespace: u.namespace, kind: u.kind, from: item.from, action: item.action, reason })
      }
      continue
    }
    placed.push({ key: item.key, node: p.node, recreated: true })
    at.add(item.key)
    const action = item.action === "preempted" ? (u.kind === "VirtualMachineInstance" ? "restarted" : "recreated") : item.action
    moves.push({ key: item.key, name: u.name, namespace: u.namespace, kind: u.kind, from: item.from, to: p.node, action })
  }
  for (const item of queue) {
    const u = inv.units.get(item.key)!
    const holder = item.action === "migrated" ? undefined : heldBy(item.key)
    const reason = holder !== undefined ? `not created: ${notCreatedReason(u.pod, holder)}` : "not scheduled: the preemption chain was cut off (internal bound)"
    pending.push({ key: item.key, name: u.name, namespace: u.namespace, kind: u.kind, from: item.from, action: item.action === "migrated" ? "migration" : item.action, reason })
  }
  return { placed, moves, pending, preempted, at: new Map(placed.map((p) => [p.key, p.node])) }
}

/**
 * Drains (or fails) `nodeNames` in `state`: every unit's fate, where the replacements land, what
 * stays pending and why, and what PodDisruptionBudgets do to the evictions.
 *
 * @example
 * import { baseline, drain, inventory } from "catcluster/operations"
 * // const inv = inventory(nodes, workload, manifests)
 * // const out = drain(inv, baseline(inv), ["node-a"])
 * // out.pending → [{ name: "cache-0", kind: "Pod", reason: "0/3 nodes are available: …" }]
 *
 * @since 0.1.0
 * @category operations
 */
export const drain = (inv: Inventory, state: ClusterState, nodeNames: ReadonlyArray<string>, options: DrainOptions = {}): DrainOutcome => {
  const mode = options.mode ?? "drain"
  const names = new Set(state.nodes.map((n) => n.name))
  const unknown = nodeNames.filter((n) => !names.has(n))
  if (unknown.length > 0) throw new OperationsError(`no node named ${unknown.join(", ")} (the nodes: ${[...names].join(", ")})`)
  if (nodeNames.length === 0) throw new OperationsError("name at least one node")
  const target = new Set(nodeNames)
  const nodes =
    mode === "drain"
      ? state.nodes.map((n) => (target.has(n.name) ? { ...n, unschedulable: true } : n))
      : state.nodes.filter((n) => !target.has(n.name))
  const affected = state.placed.filter((p) => target.has(p.node)).map((p) => ({ p, u: inv.units.get(p.key)!, fate: fateOf(inv.units.get(p.key)!, mode, inv.clusterEvictionStrategy) }))
  const healthyBefore = new Set(state.placed.map((p) => p.key))
  const existing = [...state.placed.map((p) => p.key), ...state.pending.map((p) => p.key)]
  const budgetsOf = budgetMembership(inv)
  // PDB-blocked evictions leave their pods in place; redo until the blocked set is stable
  let blocked = new Set<string>()
  let run: Run
  let verdicts: BudgetVerdict[]
  let multiple: string[]
  for (;;) {
    const leaving = (a: (typeof affected)[number]): boolean => mode === "failure" || (a.fate._tag !== "Stays" && a.fate._tag !== "Refused" && !blocked.has(a.p.key))
    const gone = new Set(affected.filter(leaving).map((a) => a.p.key))
    const kept = state.placed.filter((p) => !gone.has(p.key))
    const items: QueueItem[] = affected
      .filter((a) => gone.has(a.p.key) && (a.fate._tag === "Recreated" || a.fate._tag === "Restarted" || a.fate._tag === "Migrates"))
      .map((a) => ({ key: a.p.key, from: a.p.node, action: a.fate._tag === "Recreated" ? "recreated" : a.fate._tag === "Restarted" ? "restarted" : "migrated" }))
    run = schedule(inv, nodes, kept, items, state.pending.map((p) => p.key))
    verdicts = []
    multiple = []
    if (mode === "drain") {
      const evicted = affected.filter((a) => a.u.kind === "Pod" && (a.fate._tag === "Recreated" || a.fate._tag === "Deleted"))
      multiple = evicted.filter((a) => (budgetsOf.get(a.p.key)?.length ?? 0) > 1).map((a) => a.p.key)
      for (const b of inv.budgets) {
        const id = `${b.namespace}/${b.name}`
        const governed = evicted.filter((a) => budgetsOf.get(a.p.key)?.length === 1 && budgetsOf.get(a.p.key)![0] === id)
        if (governed.length === 0) continue
        const matched = existing.filter((k) => budgetsOf.get(k)?.includes(id) === true)
        const healthy = matched.filter((k) => healthyBefore.has(k)).length
        verdicts.push(budgetVerdict(b, matched.length, healthy, governed.map((a) => ({ key: a.p.key, replaced: a.fate._tag === "Recreated" && run.at.has(a.p.key) }))))
      }
    }
    const next = new Set([...blocked, ...multiple, ...verdicts.flatMap((v) => v.blocked)])
    if (next.size === blocked.size) break
    blocked = next
  }
  const unitName = (key: string): string => inv.units.get(key)!.name
  const disposed = (a: (typeof affected)[number], why: string): Disposed => ({ key: a.p.key, name: a.u.name, namespace: a.u.namespace, kind: a.u.kind, node: a.p.node, why })
  const stays: Disposed[] = []
  const deleted: Disposed[] = []
  for (const a of affected) {
    if (blocked.has(a.p.key)) {
      const owners = budgetsOf.get(a.p.key) ?? []
      stays.push(disposed(a, owners.length > 1 ? `matched by more than one PodDisruptionBudget (${owners.join(", ")}): the eviction API refuses it` : `PodDisruptionBudget ${owners[0]} refuses the eviction for good: the drain does not finish`))
    } else if (a.fate._tag === "Stays" || (a.fate._tag === "Refused" && mode === "drain")) stays.push(disposed(a, a.fate.why))
    else if (a.fate._tag === "Deleted") deleted.push(disposed(a, a.fate.why))
  }
  // a victim nothing recreates is gone; one that is recreated shows up as moved or pending
  for (const p of run!.preempted) if (!run!.at.has(p.key) && !/creates a replacement|starts a new VMI/.test(p.why)) deleted.push(p)
  const pending = run!.pending
  const completes =
    mode === "failure" || (!affected.some((a) => a.fate._tag === "Refused") && blocked.size === 0 && !pending.some((p) => p.action === "migration"))
  return {
    mode,
    drained: [...nodeNames],
    rescheduled: run!.moves.filter((m) => m.action !== "migrated"),
    migrated: run!.moves.filter((m) => m.action === "migrated"),
    pending,
    deleted,
    stays,
    preempted: run!.preempted,
    budgets: verdicts!.map((v) => ({
      name: v.budget.name,
      namespace: v.budget.namespace,
      expected: v.expected,
      healthy: v.healthy,
      desiredHealthy: v.desired,
      allowedAtStart: v.allowedAtStart,
      granted: v.granted.map(unitName),
      waits: v.waits.map(unitName),
      blocked: v.blocked.map(unitName),
    })),
    alreadyPending: state.pending.map((p) => {
      const u = inv.units.get(p.key)!
      return { name: u.name, namespace: u.namespace, kind: u.kind, reason: p.reason }
    }),
    completes,
    state: {
      nodes,
      placed: run!.placed,
      pending: [
        ...state.pending,
        ...pending.flatMap((p): PendingUnit[] => (p.action === "migration" ? [] : [{ key: p.key, reason: p.reason }])),
      ],
    },
  }
}
