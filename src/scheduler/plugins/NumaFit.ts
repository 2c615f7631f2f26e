/**
 * VM extension filter and reserve (S11.3, S11.6): a dedicated-CPU VMI fits a node only if one
 * NUMA cell has room for all its vCPUs and all its memory (from hugepages when it uses them).
 * Among fitting cells the best fit wins: the fewest CPUs left, then the least memory left, then
 * the lowest index. Binding reserves the cell; removing the pod frees it.
 *
 * @since 0.1.0
 */
import type { FilterPlugin } from "../framework/Plugin.ts"
import type { NumaRequirement } from "../model/SchedulingPod.ts"
import { failure, type Status, success } from "./Status.ts"

/** Reason when no cell fits. @since 0.1.0 @category constants */
export const REASON_NUMA = "node(s) had no NUMA cell with enough free dedicated CPUs and memory"

/** The free room of one cell. @since 0.1.0 @category model */
export interface CellRoom {
  readonly cpus: number
  readonly memoryBytes: number
  readonly hugepagesBytes: number
}

/**
 * The best-fit cell for `need` among `free` cells, or −1.
 *
 * @example
 * import { bestFitCell } from "catcluster/scheduler"
 * const cells = [{ cpus: 8, memoryBytes: 64e9, hugepagesBytes: 0 }, { cpus: 2, memoryBytes: 8e9, hugepagesBytes: 0 }]
 * bestFitCell(cells, { vcpus: 2, memoryBytes: 4e9, hugepages: false }) // 1: two CPUs left is worse than none
 *
 * @since 0.1.0
 * @category filters
 */
export const bestFitCell = (free: ReadonlyArray<CellRoom>, need: NumaRequirement): number => {
  let best = -1
  let bestCpus = 0
  let bestMemory = 0
  for (let i = 0; i < free.length; i++) {
    const c = free[i] as CellRoom
    const memory = need.hugepages ? c.hugepagesBytes : c.memoryBytes
    if (c.cpus < need.vcpus || memory < need.memoryBytes) continue
    const leftCpus = c.cpus - need.vcpus
    const leftMemory = memory - need.memoryBytes
    if (best < 0 || leftCpus < bestCpus || (leftCpus === bestCpus && leftMemory < bestMemory)) {
      best = i
      bestCpus = leftCpus
      bestMemory = leftMemory
    }
  }
  return best
}

/**
 * The filter status: Unschedulable when a cell would fit once emptied (preemption may help),
 * UnschedulableAndUnresolvable when no cell is big enough at all.
 *
 * @since 0.1.0
 * @category filters
 */
export const numaStatus = (free: ReadonlyArray<CellRoom>, capacity: ReadonlyArray<CellRoom>, need: NumaRequirement): Status =>
  bestFitCell(free, need) >= 0
    ? success
    : failure(bestFitCell(capacity, need) >= 0 ? "Unschedulable" : "UnschedulableAndUnresolvable", REASON_NUMA)

/** NumaFit (catcluster's own filter) at the Filter extension point. @since 0.1.0 @category plugins */
export const numaFitPlugin: FilterPlugin = {
  name: "NumaFit",
  filter: (pod, node) => (pod.numa === undefined ? success : numaStatus(node.freeCells, node.capacityCells, pod.numa)),
}
