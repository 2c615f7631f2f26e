import { match, P } from "ts-pattern"

/**
 * A KubeVirt `VirtualMachine`'s `status.printableStatus` is *derived* on every sync from what
 * the controller observes, by precedence — it is a function, not a transition system.
 *
 * @since 0.1.0
 */

/** The printable statuses of KubeVirt v1.9. @since 0.1.0 @category model */
export type PrintableStatus =
  | "Stopped"
  | "Provisioning"
  | "Starting"
  | "Running"
  | "Paused"
  | "Stopping"
  | "Terminating"
  | "CrashLoopBackOff"
  | "Migrating"
  | "Unknown"
  | "ErrorUnschedulable"
  | "ErrImagePull"
  | "ImagePullBackOff"
  | "ErrorPvcNotFound"
  | "DataVolumeError"
  | "WaitingForVolumeBinding"
  | "WaitingForReceiver"

/** Every printable status. @since 0.1.0 @category constants */
export const printableStatuses: ReadonlyArray<PrintableStatus> = [
  "Stopped",
  "Provisioning",
  "Starting",
  "Running",
  "Paused",
  "Stopping",
  "Terminating",
  "CrashLoopBackOff",
  "Migrating",
  "Unknown",
  "ErrorUnschedulable",
  "ErrImagePull",
  "ImagePullBackOff",
  "ErrorPvcNotFound",
  "DataVolumeError",
  "WaitingForVolumeBinding",
  "WaitingForReceiver",
]

/** What the VM controller observes in one sync. @since 0.1.0 @category model */
export interface VmObservation {
  readonly deleting: boolean
  readonly vmi:
    | {
        readonly phase: "Pending" | "Scheduling" | "Scheduled" | "Running" | "Succeeded" | "Failed" | "Unknown"
        readonly paused: boolean
        readonly migrating: boolean
        readonly stopRequested: boolean
        readonly unschedulable: boolean
        readonly imagePull: "ok" | "ErrImagePull" | "ImagePullBackOff"
      }
    | undefined
  readonly volumes: "ready" | "provisioning" | "waitingForBinding" | "pvcNotFound" | "dataVolumeError"
  readonly crashLooping: boolean
}

/**
 * The printable status for one observation, by a precedence that follows the VM controller
 * (deletion first, then volume problems, then the VMI's state). A simplification: the real
 * controller has a few more inputs (e.g. a pending receiver of a decentralized migration).
 *
 * @example
 * import { printableStatus } from "catcluster/domain/state"
 * printableStatus({ deleting: false, vmi: undefined, volumes: "ready", crashLooping: false }) // "Stopped"
 *
 * @since 0.1.0
 * @category destructors
 */
export const printableStatus = (o: VmObservation): PrintableStatus =>
  match(o)
    .returnType<PrintableStatus>()
    .with({ deleting: true }, () => "Terminating")
    .with({ volumes: "pvcNotFound" }, () => "ErrorPvcNotFound")
    .with({ volumes: "dataVolumeError" }, () => "DataVolumeError")
    .with({ volumes: "waitingForBinding" }, () => "WaitingForVolumeBinding")
    .with({ volumes: "provisioning" }, () => "Provisioning")
    .with({ crashLooping: true }, () => "CrashLoopBackOff")
    .with({ vmi: undefined }, () => "Stopped")
    .with({ vmi: { migrating: true } }, () => "Migrating")
    .with({ vmi: { stopRequested: true } }, () => "Stopping")
    .with({ vmi: { paused: true } }, () => "Paused")
    .with({ vmi: { phase: "Running" } }, () => "Running")
    .with({ vmi: { unschedulable: true } }, () => "ErrorUnschedulable")
    .with({ vmi: { imagePull: P.union("ErrImagePull", "ImagePullBackOff") } }, ({ vmi }) =>
      vmi?.imagePull === "ErrImagePull" ? "ErrImagePull" : "ImagePullBackOff",
    )
    .with({ vmi: { phase: P.union("Succeeded", "Failed") } }, () => "Stopped")
    .with({ vmi: { phase: "Unknown" } }, () => "Unknown")
    .with({ vmi: { phase: P.union("Pending", "Scheduling", "Scheduled") } }, () => "Starting")
    .exhaustive()
