/**
 * The two workload kinds the closed loop compares: containers and KubeVirt VMs scaled by the
 * same HPA, differing in start-up latency (the fits of S4.1 in `dynamics/startup`) and in the
 * dead time τ the Smith predictor assumes (S12.3: τ ≈ 60 s for a VM; for a container the mean
 * start-up, 1.8 s, rounded up to the simulation's 1 s grid).
 *
 * @since 0.1.0
 */
import type { Distribution } from "../startup/index.ts"
import { containerStart, fitLogNormal, fitShiftedExponential, vmStart } from "../startup/index.ts"

/**
 * The kinds the closed loop compares: containers or VMs.
 *
 * @since 0.1.0
 * @category model
 */
export type WorkloadKind = "container" | "vm"

/**
 * A workload kind with its start-up distribution and assumed dead time.
 *
 * @since 0.1.0
 * @category model
 */
export interface Workload {
  readonly kind: WorkloadKind
  /** Seconds from creation to Ready. */
  readonly startup: Distribution
  /** The dead time τ the predictor compensates, seconds. */
  readonly deadTimeSeconds: number
}

/**
 * The workload of a kind: containers start after a shifted exponential fitted to mean 1.8 s and
 * variance 0.5 (a plain exponential cannot have both); VMs after a log-normal fitted to mean
 * 75 s and variance 2500.
 *
 * @example
 * import { workloadOf } from "catcluster/dynamics/simulation"
 * workloadOf("vm").deadTimeSeconds // 60
 *
 * @since 0.1.0
 * @category constructors
 */
export const workloadOf = (kind: WorkloadKind): Workload =>
  kind === "container"
    ? { kind, startup: fitShiftedExponential(containerStart.mean, containerStart.variance), deadTimeSeconds: Math.ceil(containerStart.mean) }
    : { kind, startup: fitLogNormal(vmStart.mean, vmStart.variance), deadTimeSeconds: 60 }
