import * as E from "fp-ts/lib/Either.js"
import { vmiSpec } from "../kubevirt/VmiSpec.ts"
import { resources } from "../resources/ResourceVector.ts"
import { containerize, virtualize, virtualizeSpec, wrap, wrapVm, type Morphism, type ResourceLawError } from "./morphisms.ts"
import type { Cluster, Container, Machine, VirtualMachine } from "./objects.ts"

/**
 * A small embedded hybrid cluster, built only through Φ, Ψ, Ω and Ω′ (so its laws hold by
 * construction): three machines, three Pods and two VMIs. The claims and examples use it when
 * no manifests are given.
 *
 * @since 0.1.0
 */

const Mi = 1024n * 1024n
const Gi = 1024n * Mi

const node = (name: string, cores: number, memoryGi: number, extra: Record<string, bigint> = {}): Machine => {
  const devices = { "devices.kubevirt.io/kvm": 1000n, "devices.kubevirt.io/tun": 1000n, "devices.kubevirt.io/vhost-net": 1000n, pods: 110n }
  return {
    _tag: "P",
    name,
    capacity: resources({ cpu: BigInt(cores) * 1000n, memory: BigInt(memoryGi) * Gi, "ephemeral-storage": 100n * Gi, ...devices, ...extra }),
    // kubelet reserves 100m cpu and 1Gi memory, 10Gi of disk
    allocatable: resources({ cpu: BigInt(cores) * 1000n - 100n, memory: BigInt(memoryGi - 1) * Gi, "ephemeral-storage": 90n * Gi, ...devices, ...extra }),
    kernel: "linux-6.12",
  }
}

const orThrow = <A>(e: E.Either<ResourceLawError, A>): A => {
  if (E.isLeft(e)) throw e.left
  return e.right
}

/** The machines of the example. @since 0.1.0 @category data */
export const exampleMachines: ReadonlyArray<Machine> = [
  node("node-a", 16, 64),
  node("node-b", 8, 32),
  node("gpu-node", 32, 128, { "nvidia.com/GP102GL_Tesla_P40": 2n }),
]

const [a, b, gpu] = exampleMachines as readonly [Machine, Machine, Machine]

/** The containers of the example, each with the Ψ it was carved by. @since 0.1.0 @category data */
export const exampleContainers: ReadonlyArray<Morphism<"P", "C", Machine, Container>> = [
  orThrow(containerize(a, { name: "web", image: "nginx:1.29", requests: resources({ cpu: 500, memory: 512n * Mi }), limits: resources({ cpu: 1000, memory: 512n * Mi }) })),
  orThrow(containerize(b, { name: "api", image: "api:2.3", requests: resources({ cpu: 1000, memory: Gi }), limits: resources({ cpu: 2000 }) })),
  orThrow(containerize(b, { name: "batch", image: "batch:7", requests: resources({ cpu: 2000, memory: 4n * Gi }) })),
]

/** The VMs of the example, each with the Φ it was carved by. @since 0.1.0 @category data */
export const exampleVms: ReadonlyArray<Morphism<"P", "V", Machine, VirtualMachine>> = [
  orThrow(virtualize(b, { name: "fedora", vcpus: 2, memory: 2n * Gi })),
  orThrow(
    virtualizeSpec(
      gpu,
      vmiSpec({ name: "gpu-vm", memoryGuest: 16n * Gi, cpu: { cores: 4, sockets: 1, threads: 1, dedicatedCpuPlacement: true, isolateEmulatorThread: false }, gpus: [{ name: "gpu1", deviceName: "nvidia.com/GP102GL_Tesla_P40" }] }),
    ),
  ),
]

/**
 * The example cluster: the Pods Ω makes of the containers and the VMIs Ω′ makes of the VMs.
 *
 * @since 0.1.0
 * @category data
 */
export const exampleCluster: Cluster = {
  machines: exampleMachines,
  units: [...exampleContainers.map((c) => wrap(c.target).target), ...exampleVms.map((v) => wrapVm(v.target).target)],
}
