import * as fc from "fast-check"
import type { QuantityMap } from "../resources/ResourceRequirements.ts"
import { printableStatuses } from "../state/printableStatus.ts"
import { migrationPhases, podPhases } from "../state/machines.ts"
import type { AnyWorkload } from "../workload/Workload.ts"
import { vmiSpecArbitrary } from "./cluster.ts"

/**
 * Heterogeneous workloads (Pod, VM, PVC, Migration) in every status, for `totalUsage` and the
 * monoid laws.
 *
 * @since 0.1.0
 */

const Mi = 1024n * 1024n

const quantityMap = fc
  .record({ cpu: fc.integer({ min: 0, max: 8000 }), memoryMi: fc.integer({ min: 0, max: 16384 }) }, { requiredKeys: [] })
  .map((r): QuantityMap => {
    const out: Record<string, { nanos: bigint; format: "DecimalSI" | "BinarySI" }> = {}
    if (r.cpu !== undefined) out["cpu"] = { nanos: BigInt(r.cpu) * 1_000_000n, format: "DecimalSI" }
    if (r.memoryMi !== undefined) out["memory"] = { nanos: BigInt(r.memoryMi) * Mi * 1_000_000_000n, format: "BinarySI" }
    return out
  })

/**
 * Any workload: a Pod of 1–3 containers, a VM, a PVC or a migration, in any status.
 *
 * @since 0.1.0
 * @category arbitraries
 */
export const anyWorkloadArbitrary: fc.Arbitrary<AnyWorkload> = fc.oneof(
  fc
    .record({ requests: fc.array(quantityMap, { minLength: 1, maxLength: 3 }), status: fc.constantFrom(...podPhases.states) })
    .map(({ requests, status }): AnyWorkload => ({ kind: "Pod", name: "pod", spec: { containers: requests.map((r) => ({ resources: { requests: r } })) }, status })),
  fc
    .record({ template: vmiSpecArbitrary, status: fc.constantFrom(...printableStatuses) })
    .map(({ template, status }): AnyWorkload => ({ kind: "VM", name: "vm", spec: { template }, status })),
  fc
    .record({ gi: fc.integer({ min: 1, max: 1000 }), status: fc.constantFrom("Pending" as const, "Bound" as const, "Lost" as const) })
    .map(({ gi, status }): AnyWorkload => ({ kind: "PVC", name: "pvc", spec: { storage: BigInt(gi) * 1024n * Mi, storageClassName: "local" }, status })),
  fc
    .record({ vmi: vmiSpecArbitrary, status: fc.constantFrom(...migrationPhases.states) })
    .map(({ vmi, status }): AnyWorkload => ({ kind: "Migration", name: "migration", spec: { vmi }, status })),
)
