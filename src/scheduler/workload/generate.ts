/**
 * Seeded synthetic clusters and workloads for benchmarks and examples: a hybrid cluster (worker
 * nodes with two NUMA cells, KVM on most, CPU-feature labels, a few tainted or cordoned) and a
 * mixed workload: 80 % pods (most with requests, some with none), 20 % VMI launcher pods, a
 * quarter of which (5 % overall) have dedicated CPUs and a NUMA requirement.
 *
 * @since 0.1.0
 */
import { KVM } from "../model/Resources.ts"
import type { SchedulingNode } from "../model/SchedulingNode.ts"
import { pod, type SchedulingPod } from "../model/SchedulingPod.ts"
import { nextInt, random } from "../select/Random.ts"

const Mi = 2 ** 20
const Gi = 2 ** 30

/**
 * `count` nodes from `seed`.
 *
 * @example
 * import { syntheticNodes } from "catcluster/scheduler"
 * syntheticNodes(3, 42).map((n) => n.name) // ["node-0", "node-1", "node-2"]
 *
 * @since 0.1.0
 * @category constructors
 */
export const syntheticNodes = (count: number, seed: number): ReadonlyArray<SchedulingNode> => {
  const rng = random(seed)
  const zones = ["zone-a", "zone-b", "zone-c"]
  return Array.from({ length: count }, (_, i): SchedulingNode => {
    const big = nextInt(rng, 4) === 0
    const cpus = big ? 64 : 32
    const memory = (big ? 256 : 128) * Gi
    const kvm = nextInt(rng, 10) !== 0
    const labels: Record<string, string> = {
      "kubernetes.io/hostname": `node-${i}`,
      "kubernetes.io/os": "linux",
      "kubernetes.io/arch": "amd64",
      "topology.kubernetes.io/zone": zones[i % 3] as string,
      "node.kubernetes.io/instance-type": big ? "m.16xlarge" : "m.8xlarge",
    }
    if (kvm) {
      labels["kubevirt.io/schedulable"] = "true"
      labels["cpu-feature.node.kubevirt.io/vmx"] = "true"
      if (nextInt(rng, 2) === 0) labels["cpu-feature.node.kubevirt.io/avx2"] = "true"
    }
    const allocatable: Record<string, number> = {
      cpu: cpus * 1000 - 500,
      memory: memory - 2 * Gi,
      pods: 110,
      "ephemeral-storage": 200 * Gi,
    }
    if (kvm) allocatable[KVM] = 1000
    const half = cpus / 2
    return {
      name: `node-${i}`,
      allocatable,
      labels,
      taints: nextInt(rng, 20) === 0 ? [{ key: "dedicated", value: "infra", effect: "PreferNoSchedule" }] : [],
      unschedulable: nextInt(rng, 200) === 0,
      numaCells: [
        { cpus: half, memoryBytes: memory / 2 - 4 * Gi, hugepagesBytes: 0 },
        { cpus: half, memoryBytes: memory / 2 - 4 * Gi, hugepagesBytes: 0 },
      ],
    }
  })
}

/**
 * A generator of the mixed workload: call it with 0, 1, 2, … to get the pods one at a time
 * (the same sequence as `syntheticPods`), without holding them all in memory.
 *
 * @since 0.1.0
 * @category constructors
 */
export const syntheticPodGenerator = (seed: number): ((i: number) => SchedulingPod) => {
  const rng = random(seed)
  return (i) => {
    const roll = nextInt(rng, 100)
    const key = `bench/p${i}`
    if (roll < 75) {
      // container pods with requests
      return pod(key, { cpu: 100 * (1 + nextInt(rng, 20)), memory: 128 * Mi * (1 + nextInt(rng, 16)) }, { priority: nextInt(rng, 3) * 100 })
    }
    if (roll < 80) return pod(key, {}) // no requests: scorers assume 100m / 200Mi
    const vcpus = 1 + nextInt(rng, 4)
    const guest = Gi * (1 + nextInt(rng, 8))
    const overhead = 220 * Mi + 8 * Mi * vcpus + 8 * Mi + 32 * Mi + Math.floor((Math.ceil(guest / 1000) * 1000) / 512)
    if (roll < 95) {
      // shared-CPU VMI launcher pod: vCPUs / 10 cpu, guest memory + overhead, KVM
      return pod(key, { cpu: vcpus * 100, memory: guest + overhead, [KVM]: 1 }, { requiresKvm: true, requiredFeatures: ["vmx"], priority: 100 })
    }
    // dedicated-CPU VMI: Guaranteed, whole cores, all in one NUMA cell
    return pod(
      key,
      { cpu: vcpus * 1000, memory: guest + overhead + 100 * Mi, [KVM]: 1 },
      { requiresKvm: true, requiredFeatures: ["vmx"], priority: 200, numa: { vcpus, memoryBytes: guest, hugepages: false } },
    )
  }
}

/**
 * `count` pods from `seed`: the mixed workload described above.
 *
 * @since 0.1.0
 * @category constructors
 */
export const syntheticPods = (count: number, seed: number): ReadonlyArray<SchedulingPod> => {
  const next = syntheticPodGenerator(seed)
  return Array.from({ length: count }, (_, i) => next(i))
}
