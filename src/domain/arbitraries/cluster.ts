import * as E from "fp-ts/lib/Either.js"
import * as fc from "fast-check"
import { containerize, virtualize, wrap, wrapVm, type Morphism } from "../cluster/morphisms.ts"
import type { Cluster, Container, Machine, VirtualMachine } from "../cluster/objects.ts"
import { vmiSpec, type VmiSpec } from "../kubevirt/VmiSpec.ts"
import { resources } from "../resources/ResourceVector.ts"

/**
 * fast-check generators of cluster objects, valid by construction: machines with
 * allocatable ≤ capacity, containers and VMs carved from a machine through Ψ and Φ (so their
 * laws hold), and whole clusters. Exported for users' own property tests.
 *
 * @since 0.1.0
 */

const Mi = 1024n * 1024n
const Gi = 1024n * Mi

/** The kernel every generated machine runs. @since 0.1.0 @category constants */
export const HOST_KERNEL = "linux-6.12"

/**
 * A machine: 2–64 cores, 4–256Gi, up to 10 % reserved for the system, 110 pods.
 *
 * @since 0.1.0
 * @category arbitraries
 */
export const machineArbitrary = (name: string): fc.Arbitrary<Machine> => machineParams.map((params) => buildMachine(name, params))

const machineParams = fc.record({ cores: fc.integer({ min: 2, max: 64 }), memoryGi: fc.integer({ min: 4, max: 256 }), reservedPercent: fc.integer({ min: 0, max: 10 }) })

const buildMachine = (name: string, { cores, memoryGi, reservedPercent }: { cores: number; memoryGi: number; reservedPercent: number }): Machine => {
  const cpu = BigInt(cores) * 1000n
  const memory = BigInt(memoryGi) * Gi
  const keep = BigInt(100 - reservedPercent)
  return {
    _tag: "P",
    name,
    capacity: resources({ cpu, memory, pods: 110n, "devices.kubevirt.io/kvm": 1000n, "devices.kubevirt.io/tun": 1000n, "devices.kubevirt.io/vhost-net": 1000n, "ephemeral-storage": 100n * Gi }),
    allocatable: resources({
      cpu: (cpu * keep) / 100n,
      memory: (memory * keep) / 100n,
      pods: 110n,
      "devices.kubevirt.io/kvm": 1000n,
      "devices.kubevirt.io/tun": 1000n,
      "devices.kubevirt.io/vhost-net": 1000n,
      "ephemeral-storage": 90n * Gi,
    }),
    kernel: HOST_KERNEL,
  }
}

/** Shares (per mille) of a machine's allocatable resources a unit takes. */
const shares = fc.record({
  cpu: fc.integer({ min: 1, max: 400 }),
  memory: fc.integer({ min: 1, max: 400 }),
  burst: fc.option(fc.integer({ min: 1000, max: 3000 }), { nil: undefined }),
})

const perMille = (amount: bigint, share: number): bigint => (amount * BigInt(share)) / 1000n

/**
 * A container carved from `p` by Ψ: requests up to 40 % of p's allocatable cpu and memory,
 * limits (when present) 1–3× the requests capped at p's capacity.
 *
 * @since 0.1.0
 * @category arbitraries
 */
export const containerOn = (p: Machine, name: string): fc.Arbitrary<Morphism<"P", "C", Machine, Container>> =>
  shares.map((s) => carveContainer(p, name, s))

const carveContainer = (p: Machine, name: string, s: { cpu: number; memory: number; burst: number | undefined }): Morphism<"P", "C", Machine, Container> => {
  const cpu = perMille(p.allocatable.get("cpu") ?? 0n, s.cpu) || 1n
  const memory = perMille(p.allocatable.get("memory") ?? 0n, s.memory) || 1n
  const cap = (x: bigint, name: string) => {
    const c = p.capacity.get(name) ?? 0n
    return x > c ? c : x
  }
  const limits =
    s.burst === undefined ? undefined : resources({ cpu: cap((cpu * BigInt(s.burst)) / 1000n, "cpu"), memory: cap((memory * BigInt(s.burst)) / 1000n, "memory") })
  const made = containerize(p, { name, image: `registry.example/${name}:1`, requests: resources({ cpu, memory }), ...(limits === undefined ? {} : { limits }) })
  if (E.isLeft(made)) throw made.left // unreachable: the shares keep c ≪ p
  return made.right
}

/**
 * A VM carved from `p` by Φ: 1 vCPU up to 40 % of p's cores, memory up to 40 % of p's.
 *
 * @since 0.1.0
 * @category arbitraries
 */
export const vmOn = (p: Machine, name: string): fc.Arbitrary<Morphism<"P", "V", Machine, VirtualMachine>> => vmParams.map((r) => carveVm(p, name, r))

const vmParams = fc.record({ s: shares, dedicated: fc.boolean(), graphics: fc.boolean() })

const carveVm = (p: Machine, name: string, { s, dedicated, graphics }: { s: { cpu: number; memory: number }; dedicated: boolean; graphics: boolean }): Morphism<"P", "V", Machine, VirtualMachine> => {
  const cores = Number((p.allocatable.get("cpu") ?? 0n) / 1000n)
  const vcpus = Math.max(1, Math.floor((cores * s.cpu) / 1000))
  const memory = (perMille(p.allocatable.get("memory") ?? 0n, s.memory) / Mi) * Mi || Mi
  const made = virtualize(p, { name, vcpus, memory, dedicatedCpus: dedicated, graphics })
  if (E.isLeft(made)) throw made.left // unreachable: v ≤ p by construction
  return made.right
}

/**
 * A VMI spec of the shapes KubeVirt users write: 1–8 vCPUs in some topology, 128Mi–16Gi,
 * optional dedicated CPUs, graphics, GPU, TPM, e1000 NIC.
 *
 * @since 0.1.0
 * @category arbitraries
 */
export const vmiSpecArbitrary: fc.Arbitrary<VmiSpec> = fc
  .record({
    cores: fc.integer({ min: 1, max: 4 }),
    sockets: fc.integer({ min: 1, max: 2 }),
    memoryMi: fc.integer({ min: 128, max: 16384 }),
    dedicated: fc.boolean(),
    isolate: fc.boolean(),
    graphics: fc.boolean(),
    gpu: fc.boolean(),
    tpm: fc.boolean(),
    nic: fc.constantFrom("virtio", "e1000", "none"),
  })
  .map((r) =>
    vmiSpec({
      name: "vmi",
      cpu: { cores: r.cores, sockets: r.sockets, threads: 1, dedicatedCpuPlacement: r.dedicated, isolateEmulatorThread: r.dedicated && r.isolate },
      memoryGuest: BigInt(r.memoryMi) * Mi,
      autoattachGraphicsDevice: r.graphics,
      gpus: r.gpu ? [{ name: "gpu1", deviceName: "nvidia.com/gpu" }] : [],
      tpm: r.tpm,
      ...(r.nic === "none" ? { autoattachPodInterface: false } : { interfaces: [{ name: "default", model: r.nic, sriov: false }] }),
    }),
  )

/** A generated cluster with the Ψ and Φ arrows its units were made by. @since 0.1.0 @category model */
export interface GeneratedCluster {
  readonly cluster: Cluster
  readonly containers: ReadonlyArray<Morphism<"P", "C", Machine, Container>>
  readonly vms: ReadonlyArray<Morphism<"P", "V", Machine, VirtualMachine>>
}

/**
 * A cluster of 1–`maxMachines` machines with up to `maxPods` one-container Pods (Ω∘Ψ) and
 * `maxVms` VMIs (Ω′∘Φ), each carved from a random machine.
 *
 * @example
 * import * as fc from "fast-check"
 * import { clusterArbitrary } from "catcluster/domain/arbitraries"
 * fc.assert(fc.property(clusterArbitrary(), ({ cluster }) => cluster.machines.length > 0))
 *
 * @since 0.1.0
 * @category arbitraries
 */
export const clusterArbitrary = (maxMachines = 4, maxPods = 8, maxVms = 4): fc.Arbitrary<GeneratedCluster> =>
  fc
    .record({
      machines: fc.array(machineParams, { minLength: 1, maxLength: maxMachines }),
      pods: fc.array(fc.record({ host: fc.nat(), s: shares }), { maxLength: maxPods }),
      vms: fc.array(fc.record({ host: fc.nat(), r: vmParams }), { maxLength: maxVms }),
    })
    .map(({ machines: params, pods, vms }) => {
      const machines = params.map((m, i) => buildMachine(`node-${i + 1}`, m))
      const on = (host: number) => machines[host % machines.length] as Machine
      const containers = pods.map((p, i) => carveContainer(on(p.host), `pod-${i + 1}`, p.s))
      const vmArrows = vms.map((v, i) => carveVm(on(v.host), `vm-${i + 1}`, v.r))
      return {
        cluster: { machines, units: [...containers.map((c) => wrap(c.target).target), ...vmArrows.map((v) => wrapVm(v.target).target)] },
        containers,
        vms: vmArrows,
      }
    })
