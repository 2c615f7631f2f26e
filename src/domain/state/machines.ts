import { transitionGraph } from "./TransitionGraph.ts"

/**
 * The runtime state machines of the real systems (Kubernetes v1.35, KubeVirt v1.9), as
 * transition graphs, and the seed's simplified machines (S3.1, S3.2) beside them.
 *
 * @since 0.1.0
 */

/** Kubernetes Pod phases (`PodPhase`). @since 0.1.0 @category model */
export type PodPhase = "Pending" | "Running" | "Succeeded" | "Failed" | "Unknown"

/**
 * Pod phases as Kubernetes v1.35 defines them. Succeeded and Failed are terminal and absorbing;
 * a Pod may finish straight from Pending (all containers exit before the kubelet reports
 * Running). Unknown (deprecated: the node stopped reporting) is modelled as reachable from
 * Pending and Running and left when the node reports again. "Terminating" is *not* a phase: it
 * is a deletion timestamp on a Pod in any phase (see {@link isTerminating}).
 *
 * @since 0.1.0
 * @category machines
 */
export const podPhases = transitionGraph<PodPhase>(
  "Pod phase (Kubernetes v1.35)",
  ["Pending", "Running", "Succeeded", "Failed", "Unknown"],
  [
    ["Pending", "Running", "containers started"],
    ["Running", "Succeeded", "all containers exited 0, restartPolicy ≠ Always"],
    ["Running", "Failed", "a container failed and will not restart"],
    ["Pending", "Succeeded", "finished before reported Running"],
    ["Pending", "Failed", "failed before reported Running"],
    ["Pending", "Unknown", "node lost"],
    ["Running", "Unknown", "node lost"],
    ["Unknown", "Running", "node back"],
    ["Unknown", "Succeeded", "node back, pod finished"],
    ["Unknown", "Failed", "node back, pod failed / garbage-collected"],
  ],
  ["Pending"],
  "k8s.io/api/core/v1 PodPhase; K8S-SEMANTICS.md",
)

/**
 * "Terminating" as Kubernetes has it: a Pod with `metadata.deletionTimestamp` set, whatever
 * its phase.
 *
 * @example
 * import { isTerminating } from "catcluster/domain/state"
 * isTerminating({ metadata: { deletionTimestamp: "2026-11-27T05:00:00Z" } }) // true
 * isTerminating({})                                                         // false
 *
 * @since 0.1.0
 * @category predicates
 */
export const isTerminating = (pod: { readonly metadata?: { readonly deletionTimestamp?: string | undefined } }): boolean =>
  pod.metadata?.deletionTimestamp !== undefined

/** Container states (`ContainerState`: exactly one of waiting / running / terminated). @since 0.1.0 @category model */
export type ContainerStateName = "Waiting" | "Running" | "Terminated"

/**
 * Container states: a container starts Waiting; Terminated → Waiting is a restart (e.g.
 * CrashLoopBackOff); Waiting → Terminated is a start error (reason `StartError`).
 *
 * @since 0.1.0
 * @category machines
 */
export const containerStates = transitionGraph<ContainerStateName>(
  "Container state (Kubernetes v1.35)",
  ["Waiting", "Running", "Terminated"],
  [
    ["Waiting", "Running", "started"],
    ["Running", "Terminated", "exited / killed"],
    ["Terminated", "Waiting", "restart (restartPolicy)"],
    ["Waiting", "Terminated", "StartError"],
  ],
  ["Waiting"],
  "k8s.io/api/core/v1 ContainerState; K8S-SEMANTICS.md",
)

/** KubeVirt VMI phases. @since 0.1.0 @category model */
export type VmiPhase = "Pending" | "Scheduling" | "Scheduled" | "Running" | "Succeeded" | "Failed" | "Unknown"

/**
 * VMI phases in KubeVirt v1.9: Pending → Scheduling → Scheduled → Running → Succeeded | Failed,
 * and Failed from any non-final phase. `Unknown` is declared but never set: an isolated state.
 * Pausing is a `Paused` condition on a Running VMI, not a phase.
 *
 * @since 0.1.0
 * @category machines
 */
export const vmiPhases = transitionGraph<VmiPhase>(
  "VMI phase (KubeVirt v1.9)",
  ["Pending", "Scheduling", "Scheduled", "Running", "Succeeded", "Failed", "Unknown"],
  [
    ["Pending", "Scheduling", "launcher pod created"],
    ["Scheduling", "Scheduled", "launcher pod running on a node"],
    ["Scheduled", "Running", "domain started by virt-handler"],
    ["Running", "Succeeded", "guest shut down"],
    ["Running", "Failed", "domain crashed / launcher failed"],
    ["Pending", "Failed", "failed before scheduling"],
    ["Scheduling", "Failed", "launcher pod failed"],
    ["Scheduled", "Failed", "domain failed to start"],
  ],
  ["Pending"],
  "kubevirt.io/api/core/v1 VirtualMachineInstancePhase; K8S-SEMANTICS.md",
)

/** VirtualMachineInstanceMigration phases. @since 0.1.0 @category model */
export type MigrationPhase =
  | "Pending"
  | "Scheduling"
  | "Scheduled"
  | "PreparingTarget"
  | "TargetReady"
  | "Running"
  | "Succeeded"
  | "Failed"

/**
 * Live-migration phases in KubeVirt v1.9 (the decentralized-migration phases WaitingForSync and
 * Synchronizing are left out): the target pod is scheduled, prepared, then memory is copied
 * while Running; any non-final phase can fail.
 *
 * @since 0.1.0
 * @category machines
 */
export const migrationPhases = transitionGraph<MigrationPhase>(
  "Migration phase (KubeVirt v1.9)",
  ["Pending", "Scheduling", "Scheduled", "PreparingTarget", "TargetReady", "Running", "Succeeded", "Failed"],
  [
    ["Pending", "Scheduling", "target pod created"],
    ["Scheduling", "Scheduled", "target pod scheduled"],
    ["Scheduled", "PreparingTarget", "target virt-handler preparing"],
    ["PreparingTarget", "TargetReady", "target domain ready"],
    ["TargetReady", "Running", "memory transfer started"],
    ["Running", "Succeeded", "source paused, target resumed"],
    ["Pending", "Failed", "rejected"],
    ["Scheduling", "Failed", "target unschedulable / timed out"],
    ["Scheduled", "Failed", "target failed"],
    ["PreparingTarget", "Failed", "target failed"],
    ["TargetReady", "Failed", "aborted"],
    ["Running", "Failed", "completion / progress timeout, aborted"],
  ],
  ["Pending"],
  "kubevirt.io/api/core/v1 VirtualMachineInstanceMigrationPhase; K8S-SEMANTICS.md",
)

/** libvirt domain states (`virDomainState`), which KubeVirt mirrors. @since 0.1.0 @category model */
export type DomainState = "NoState" | "Running" | "Blocked" | "Paused" | "Shutdown" | "Shutoff" | "Crashed" | "PMSuspended"

/**
 * The eight libvirt domain states, the "VM domain state" the seed counts in S3.5.
 *
 * @since 0.1.0
 * @category constants
 */
export const domainStates: ReadonlyArray<DomainState> = [
  "NoState",
  "Running",
  "Blocked",
  "Paused",
  "Shutdown",
  "Shutoff",
  "Crashed",
  "PMSuspended",
]

/** Seed S3.1's Pod states. @since 0.1.0 @category model */
export type SeedPodState = "Pending" | "Running" | "Succeeded" | "Failed" | "Terminating"

/**
 * The seed's Pod machine (S3.1): Pending → Running → Succeeded | Failed, any → Terminating.
 *
 * @since 0.1.0
 * @category machines
 */
export const seedPodMachine = transitionGraph<SeedPodState>(
  "Pod (seed S3.1)",
  ["Pending", "Running", "Succeeded", "Failed", "Terminating"],
  [
    ["Pending", "Running", "start"],
    ["Running", "Succeeded", "complete"],
    ["Running", "Failed", "fail"],
    ["Pending", "Terminating", "delete"],
    ["Running", "Terminating", "delete"],
    ["Succeeded", "Terminating", "delete"],
    ["Failed", "Terminating", "delete"],
  ],
  ["Pending"],
  "seed [I.2.1] as restated in SPEC S3.1",
)

/** Seed S3.2's VM states. @since 0.1.0 @category model */
export type SeedVmState = "Stopped" | "Starting" | "Running" | "Paused" | "Migrating" | "Stopping"

/**
 * The seed's VM machine (S3.2).
 *
 * @since 0.1.0
 * @category machines
 */
export const seedVmMachine = transitionGraph<SeedVmState>(
  "VM (seed S3.2)",
  ["Stopped", "Starting", "Running", "Paused", "Migrating", "Stopping"],
  [
    ["Stopped", "Starting", "start"],
    ["Starting", "Running", "started"],
    ["Running", "Paused", "pause"],
    ["Paused", "Running", "unpause"],
    ["Running", "Migrating", "migrate"],
    ["Migrating", "Running", "migrated"],
    ["Running", "Stopping", "stop"],
    ["Stopping", "Stopped", "stopped"],
  ],
  ["Stopped"],
  "seed [I.2.1] as restated in SPEC S3.2",
)
