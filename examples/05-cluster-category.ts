/**
 * # 05 · The cluster category: Φ, Ψ, Ω, Ω′ and σ on real objects
 *
 * Example 00 typed the arrows. Here they carry data. A physical machine P is a node with
 * capacity and allocatable resources. Containerization Ψ carves a container out of it (law
 * c ≪ p: requests within allocatable, limits within capacity, the host's kernel), and Ω wraps
 * it in a Pod. Virtualization Φ carves a VM (law v ≤ p), and Ω′ wraps it in a VMI — which,
 * in KubeVirt v1.9, the scheduler sees as a *virt-launcher pod* whose memory request is the
 * guest's plus an overhead. Scheduling σ places Pods and VMIs on machines without overfilling
 * any (and is partial: a unit that fits nowhere stays Pending).
 *
 * The VMI comes from the shared KubeVirt corpus (`vmi-fedora.yaml`) when it is present next to
 * this repository, and from an embedded manifest with the same spec otherwise.
 *
 * Last, the seed's square S1.4 says Ω′∘Φ = Ω∘Ψ. Its two sides have different codomains (VMI vs
 * Pod), so we compare them where they can meet: through the footprint functor into the resource
 * order Res≤. The difference — the residual — is KubeVirt's overhead.
 */
import { existsSync, readFileSync } from "node:fs"
import { join } from "node:path"
import * as E from "fp-ts/lib/Either.js"
import { parse } from "yaml"
import { squareSides } from "catcluster/domain/claims"
import {
  containerize,
  exampleMachines,
  firstFit,
  footprint,
  residual,
  virtualizeSpec,
  wrap,
  wrapVm,
  type Cluster,
  type Machine,
} from "catcluster/domain/cluster"
import { decodeVmiSpec } from "catcluster/domain/kubevirt"
import { resources, showResources } from "catcluster/domain/resources"

const Mi = 1024n * 1024n
const [nodeA, nodeB] = exampleMachines as readonly [Machine, Machine, Machine]

// Ψ then Ω: a web container carved from node-a, wrapped in a Pod.
const web = containerize(nodeA, { name: "web", image: "nginx:1.29", requests: resources({ cpu: 500, memory: 512n * Mi }) })
if (E.isLeft(web)) throw web.left
const webPod = wrap(web.right.target).target
console.log(`Ψ then Ω: ${webPod.name} requests ${showResources(footprint(webPod))}`)
//> Ψ then Ω: web requests cpu=500m memory=512Mi

// A container whose limit exceeds the machine's capacity is refused: c ≪ p fails.
const greedy = containerize(nodeA, { name: "greedy", image: "x", requests: resources({ cpu: 100 }), limits: resources({ cpu: 64_000 }) })
console.log(E.isLeft(greedy) ? greedy.left.message : "accepted")
//> containerize: node-a → greedy: c ≪ p fails: cpu 64 > capacity 16

// The VMI manifest: the corpus file if present, else an embedded one with the same domain.
const corpus = join(import.meta.dirname, "..", "..", "shared", "corpus", "kubevirt", "vmi-fedora.yaml")
const embedded = `apiVersion: kubevirt.io/v1
kind: VirtualMachineInstance
metadata: { name: vmi-fedora }
spec:
  domain:
    devices: { interfaces: [{ name: default, masquerade: {} }] }
    memory: { guest: 1024M }
  networks: [{ name: default, pod: {} }]
`
const text = existsSync(corpus) ? readFileSync(corpus, "utf8") : embedded
console.log(`VMI manifest from ${existsSync(corpus) ? "the shared corpus" : "the embedded copy"}`)
const spec = decodeVmiSpec(parse(text), "vmi-fedora.yaml")
if (E.isLeft(spec)) throw spec.left

// Φ then Ω′: the VM carved from node-b, and the launcher pod KubeVirt renders for it.
const vm = virtualizeSpec(nodeB, spec.right)
if (E.isLeft(vm)) throw vm.left
const vmi = wrapVm(vm.right.target).target
console.log(`Φ then Ω′: ${vmi.name}, ${vmi.launcher.vcpus} vCPU, guest ${vm.right.target.memory} bytes (1024M is decimal)`)
//> Φ then Ω′: vmi-fedora, 1 vCPU, guest 1024000000 bytes (1024M is decimal)
for (const t of vmi.launcher.overhead.terms) console.log(`  overhead ${t.term}: ${t.bytes}`)
//> overhead page tables: 2000000
console.log(`launcher pod (KubeVirt ${vmi.launcher.kubevirt}): ${showResources(footprint(vmi))}, QoS ${vmi.launcher.qos}`)
//> launcher pod (KubeVirt v1.9): cpu=100m devices.kubevirt.io/kvm=1 devices.kubevirt.io/tun=1 devices.kubevirt.io/vhost-net=1 ephemeral-storage=50M memory=1307018368 (≈1.2Gi), QoS Burstable

// σ: first-fit over the machines. The law — no machine overfilled — holds by construction here
// and is property-tested on generated clusters (test/domain/cluster).
const cluster: Cluster = { machines: exampleMachines, units: [webPod, vmi] }
const placement = firstFit(cluster)
for (const unit of cluster.units) console.log(`σ(${unit._tag} ${unit.name}) = ${placement.get(unit.name) ?? "Pending"}`)
//> σ(Pod web) = node-a
//> σ(VMI vmi-fedora) = node-a

// S1.4: the same workload (2 cores, 2Gi) both ways, compared through the footprint functor.
const sides = squareSides(2, 2n * 1024n * Mi)
const diff = residual(sides.container, sides.vm)
console.log(`Ω∘Ψ footprint:  ${showResources(sides.container)}`)
console.log(`Ω′∘Φ footprint: ${showResources(sides.vm)}`)
console.log(`S1.4 residual (VM − container): memory +${(diff.get("memory") ?? 0n) / Mi}Mi, cpu ${diff.get("cpu")}m`)
//> S1.4 residual (VM − container): memory +280Mi, cpu -1800m
