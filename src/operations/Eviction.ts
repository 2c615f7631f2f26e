/**
 * What happens to one unit when its node is drained (`kubectl drain --ignore-daemonsets
 * --delete-emptydir-data --force`) or lost (the node fails), as Kubernetes and KubeVirt v1.9
 * decide it:
 * - a Pod with a controller (ReplicaSet, StatefulSet, Job, …) is evicted and its controller
 *   creates a replacement, which the scheduler places anew;
 * - a bare Pod is deleted and nothing recreates it (`--force`: "deleting Pods that declare no
 *   controller"); on a lost node it is simply gone;
 * - DaemonSet pods and static (mirror) pods stay on a drained node ("ignoring DaemonSet-managed
 *   Pods"); they die with a lost node and are not moved, since their controller runs one per node;
 * - a VMI follows its eviction strategy (the VMI's, else the KubeVirt CR's, else None):
 *   LiveMigrate live-migrates (its eviction is refused, 429, when it cannot migrate, so it stays
 *   and the drain does not finish), LiveMigrateIfPossible migrates when it can and else acts as
 *   None, External is left to an external controller (blocked), None shuts the VMI down and its
 *   VirtualMachine starts a new one when its runStrategy is Always or RerunOnFailure. A lost node
 *   migrates nothing: its VMIs fail and are restarted by the same rule.
 *
 * @since 0.1.0
 */
import { match } from "ts-pattern"
import { restartsVmi, type Unit } from "./Inventory.ts"
import { OperationsError } from "./OperationsError.ts"

/** A drain (cordon, then evict) or a node failure (the node and everything on it gone). @since 0.1.0 @category model */
export type DisruptionMode = "drain" | "failure"

/**
 * The fate of a unit on a disrupted node.
 *
 * @since 0.1.0
 * @category model
 */
export type Fate =
  /** Recreated by its controller and scheduled again. */
  | { readonly _tag: "Recreated"; readonly why: string }
  /** A VMI shut down and started again by its VirtualMachine. */
  | { readonly _tag: "Restarted"; readonly why: string }
  /** A VMI live-migrated: a target pod is scheduled away from the source node. */
  | { readonly _tag: "Migrates"; readonly why: string }
  /** Gone and not replaced: a bare pod, a stopped VMI, a daemon of a lost node. */
  | { readonly _tag: "Deleted"; readonly why: string }
  /** Left where it runs: a DaemonSet or static pod. */
  | { readonly _tag: "Stays"; readonly why: string }
  /** Its eviction is refused for good: it stays and the drain does not finish. */
  | { readonly _tag: "Refused"; readonly why: string }

/** KubeVirt's eviction strategies. @since 0.1.0 @category constants */
export const EVICTION_STRATEGIES: ReadonlyArray<string> = ["None", "LiveMigrate", "LiveMigrateIfPossible", "External"]

/**
 * The eviction strategy that applies to a VMI: its own, else the cluster-wide one, else None.
 *
 * @since 0.1.0
 * @category destructors
 */
export const evictionStrategyOf = (u: Unit, clusterStrategy: string | undefined): string => {
  const s = u.vmi?.evictionStrategy ?? clusterStrategy ?? "None"
  if (!EVICTION_STRATEGIES.includes(s)) {
    throw new OperationsError(`${u.manifest.source.file}: ${u.kind} ${u.namespace}/${u.name}: evictionStrategy ${JSON.stringify(s)} is not one of ${EVICTION_STRATEGIES.join(", ")}`)
  }
  return s
}

/** Controllers that start a new VMI when theirs goes away (by their run strategy). */
const VMI_OWNERS = new Set(["VirtualMachine", "VirtualMachineInstanceReplicaSet", "VirtualMachinePool"])

/**
 * The owner that would start a new VMI for this one, if any.
 *
 * @since 0.1.0
 * @category destructors
 */
export const vmiOwnerOf = (u: Unit): { readonly kind: string; readonly name: string } | undefined =>
  u.owner !== undefined && VMI_OWNERS.has(u.owner.kind) ? u.owner : undefined

const vmiShutDown = (u: Unit, because: string): Fate => {
  const owner = vmiOwnerOf(u)
  const vm = owner === undefined ? undefined : `${owner.kind} ${owner.name}`
  if (vm !== undefined && u.vmi?.ownerMissing === true) {
    return { _tag: "Restarted", why: `${because}; its ${vm} is not in the input: taken to run with runStrategy Always, which starts a new VMI` }
  }
  if (vm !== undefined && restartsVmi(u.vmi?.runStrategy)) return { _tag: "Restarted", why: `${because}; its ${vm} (runStrategy ${u.vmi?.runStrategy}) starts a new VMI` }
  if (vm !== undefined) return { _tag: "Deleted", why: `${because}; its ${vm} (runStrategy ${u.vmi?.runStrategy ?? "unset"}) does not restart it: stopped` }
  return { _tag: "Deleted", why: `${because}; no VirtualMachine owns it: stopped for good` }
}

/**
 * The fate of a unit whose node is drained or lost.
 *
 * @since 0.1.0
 * @category destructors
 */
export const fateOf = (u: Unit, mode: DisruptionMode, clusterStrategy: string | undefined): Fate => {
  if (u.kind === "VirtualMachineInstance") {
    if (mode === "failure") return vmiShutDown(u, "the node is lost, so the VMI fails (nothing migrates off a dead node)")
    const strategy = evictionStrategyOf(u, clusterStrategy)
    const notMigratable = u.vmi?.migratable === false ? u.vmi.notMigratable ?? "not migratable" : undefined
    return match(strategy)
      .with("LiveMigrate", () =>
        notMigratable === undefined
          ? ({ _tag: "Migrates", why: "evictionStrategy LiveMigrate" } as const)
          : ({ _tag: "Refused", why: `evictionStrategy LiveMigrate but not migratable (${notMigratable}): KubeVirt refuses the eviction (429) and the drain does not finish` } as const),
      )
      .with("LiveMigrateIfPossible", () =>
        notMigratable === undefined ? ({ _tag: "Migrates", why: "evictionStrategy LiveMigrateIfPossible" } as const) : vmiShutDown(u, `evictionStrategy LiveMigrateIfPossible, not migratable (${notMigratable}): evicted`),
      )
      .with("External", () => ({ _tag: "Refused", why: "evictionStrategy External: KubeVirt's PDB blocks the eviction and an external controller must move it (status.evacuationNodeName is set)" }) as const)
      .otherwise(() => vmiShutDown(u, `evictionStrategy ${strategy}: evicted`))
  }
  const owner = u.owner
  if (owner?.kind === "DaemonSet") {
    return mode === "drain"
      ? { _tag: "Stays", why: "DaemonSet-managed: kubectl drain --ignore-daemonsets leaves it" }
      : { _tag: "Deleted", why: `DaemonSet ${owner.name} runs one pod per node: gone with the node, not moved` }
  }
  if (owner?.kind === "Node") {
    return mode === "drain" ? { _tag: "Stays", why: "static (mirror) pod: kubectl drain skips it, the kubelet runs it" } : { _tag: "Deleted", why: "static pod: gone with the node" }
  }
  if (owner?.kind === "VirtualMachineInstance") {
    return { _tag: "Deleted", why: `virt-launcher pod of VMI ${owner.name}, which is not in the input: nothing here recreates it` }
  }
  if (owner !== undefined) return { _tag: "Recreated", why: `${owner.kind} ${owner.name} creates a replacement` }
  return mode === "drain"
    ? { _tag: "Deleted", why: "declares no controller: kubectl drain --force deletes it and nothing recreates it" }
    : { _tag: "Deleted", why: "declares no controller: gone with the node, nothing recreates it" }
}
