import * as E from "fp-ts/lib/Either.js"
import * as fc from "fast-check"
import { describedType } from "../../category/Type.ts"
import type { ClaimCheck, ClaimResult } from "../../claims/Claim.ts"
import { monoidLaws } from "../../laws/monoid.ts"
import { runConfig } from "../../laws/RunConfig.ts"
import { runSuite } from "../../laws/Suite.ts"
import { failures } from "../../laws/Verdict.ts"
import { anyWorkloadArbitrary } from "../arbitraries/workload.ts"
import { isomorphismDegree, podSpecFields } from "../cluster/apiMapping.ts"
import { virtLauncherPod } from "../kubevirt/virtLauncherPod.ts"
import { parseQuantity, type Quantity } from "../quantity/index.ts"
import { resourceRequirements } from "../resources/ResourceRequirements.ts"
import { equalResources, MonoidResources, showResources, toRecord, type ResourceVector } from "../resources/ResourceVector.ts"
import { kubernetesView, resourceRequest, securityContextOf, toVmiSpec, totalUsage, usage, type Resource } from "../workload/index.ts"

/**
 * Claims S2.1–S2.6: resource and workload types.
 *
 * @since 0.1.0
 */

const SOURCE = "src/domain/claims/s2.ts"
const Gi = 1024n ** 3n

const q = (s: string): Quantity => {
  const r = parseQuantity(s)
  if (E.isLeft(r)) throw new Error(`bad constant quantity ${s}`)
  return r.right
}

/** S2.1: the resource sum type against Kubernetes' resources. @since 0.1.0 @category claims */
export const checkS2_1 = (): ClaimResult => {
  const samples: ReadonlyArray<Resource> = [
    { _tag: "CPU", cores: 4, freqMHz: 3000, flags: ["avx512f"] },
    { _tag: "Memory", bytes: 16n * Gi, type: "DDR5", numaNode: 0 },
    { _tag: "Network", bandwidthMbps: 25_000, latencyUs: 20, pcieLanes: 8 },
    { _tag: "Storage", bytes: 500n * Gi, iops: 50_000, media: "SSD" },
  ]
  const views = samples.map((r) => ({ resource: r._tag, quantity: showResources(kubernetesView(r).quantity), notResources: kubernetesView(r).notResources.map((n) => n.attribute) }))
  // the union is a model of Kubernetes' resources only if each variant's size attribute lands on a resource
  const sized = samples.filter((r) => r._tag !== "Network").every((r) => kubernetesView(r).quantity.size > 0)
  return {
    verdict: sized ? "modelled" : "fails",
    summary: `A tagged union matched exhaustively. Of its attributes only CPU cores, memory size and storage capacity are Kubernetes resources; ${views.flatMap((v) => v.notResources).length} attributes (frequency, flags, memory type, NUMA node, bandwidth, latency, PCIe lanes, IOPS, media) are node labels, topology hints or nothing.`,
    evidence: views,
  }
}

/** S2.2: request ≤ limit, checked against the API server's validation. @since 0.1.0 @category claims */
export const checkS2_2 = (): ClaimResult => {
  const ok = resourceRequest("cpu", 500n, 1000n, 0)
  const bad = resourceRequest("cpu", 1500n, 1000n, 0)
  const apiOk = resourceRequirements({ resources: { requests: { cpu: q("500m") }, limits: { cpu: q("1") } } }, "spec.containers[0]")
  const apiBad = resourceRequirements({ resources: { requests: { cpu: q("1500m") }, limits: { cpu: q("1") } } }, "spec.containers[0]")
  const agree = E.isRight(ok) === E.isRight(apiOk) && E.isRight(bad) === E.isRight(apiBad)
  return {
    verdict: agree && E.isLeft(bad) ? "holds" : "fails",
    summary: `The smart constructor refuses request > limit exactly when Kubernetes' validation does (${E.isLeft(apiBad) ? apiBad.left.map((e) => `${e.path}: ${e.problem}`).join("; ") : "?"}). Priority is not per resource in Kubernetes: it belongs to the Pod (priorityClassName).`,
    evidence: { constructorRejects: E.isLeft(bad), apiRejects: E.isLeft(apiBad), agree },
  }
}

/** S2.3: ContainerSpec = Basic | Privileged. @since 0.1.0 @category claims */
export const checkS2_3 = (): ClaimResult => {
  const basic = securityContextOf({ _tag: "Basic", requests: new Map() })
  const privileged = securityContextOf({ _tag: "Privileged", requests: new Map(), capabilities: ["NET_ADMIN", "SYS_TIME"] })
  const faithful = !basic.privileged && basic.capabilities.add.length === 0 && privileged.privileged && privileged.capabilities.add.length === 2
  return {
    verdict: faithful ? "modelled" : "fails",
    summary: "A tagged union; Privileged maps to securityContext.privileged = true with capabilities.add. In Kubernetes the two are not exclusive alternatives: capabilities can be added without privileged.",
    evidence: { basic, privileged },
  }
}

/** S2.4: VMSpec and the launcher pod it becomes. @since 0.1.0 @category claims */
export const checkS2_4 = (): ClaimResult => {
  const spec = { vcpu: 2, vmemory: 2n * Gi, vdevices: ["virtio-net", "virtio-blk"] as const, ioThreads: 0 }
  const pod = virtLauncherPod(toVmiSpec("vm", { ...spec, vdevices: [...spec.vdevices] }))
  // the VMSpec's numbers must reach the pod: vmemory plus a positive overhead, vcpu / 10 shared cpu
  const carried = (pod.requests["memory"] ?? 0n) > spec.vmemory && pod.requests["cpu"] === BigInt(spec.vcpu) * 100n
  return {
    verdict: carried ? "modelled" : "fails",
    summary: `{vcpu, vmemory, vdevices, ioThreads?} maps to a KubeVirt VMI spec; 2 vCPU / 2Gi with virtio-net becomes a launcher pod requesting ${showResources(new Map(Object.entries(pod.requests)))}.`,
    evidence: { requests: Object.fromEntries(Object.entries(pod.requests).map(([k, v]) => [k, String(v)])), overhead: pod.overhead.terms.map((t) => ({ term: t.term, bytes: String(t.bytes) })) },
  }
}

/** S2.5: VirtualMachine = PodSpec × VMSpecific. @since 0.1.0 @category claims */
export const checkS2_5 = (): ClaimResult => {
  const d = isomorphismDegree(podSpecFields)
  const lost = podSpecFields.filter((r) => r.mapping === "none").map((r) => r.field)
  return {
    verdict: lost.length === 0 ? "holds" : "fails",
    summary: `A product PodSpec × VMSpecific needs a projection VirtualMachine → PodSpec, but a VM's template is a VMI spec: of ${d.fields} PodSpec fields only ${d.mapped} carry over, ${d.partial} partly, and ${lost.length} have no counterpart (${lost.slice(0, 5).join(", ")}, …). KubeVirt's VM is VMISpec-template × {runStrategy, dataVolumeTemplates, instancetype, preference}.`,
    evidence: { degree: d, noCounterpart: lost },
  }
}

/** S2.6: AnyWorkload and totalUsage = foldMap usage as a monoid fold. @since 0.1.0 @category claims */
export const checkS2_6 = (base = 100): ClaimResult => {
  const config = runConfig(base)
  const vectors = describedType<ResourceVector>({ name: "ResourceVector", arbitrary: anyWorkloadArbitrary.map(usage), equals: equalResources, show: showResources })
  const laws = runSuite(monoidLaws(MonoidResources, vectors), { config })
  const fold = fc.check(
    fc.property(fc.array(anyWorkloadArbitrary, { maxLength: 6 }), (ws) =>
      equalResources(totalUsage(ws), ws.map(usage).reduce((acc, u) => MonoidResources.concat(acc, u), MonoidResources.empty)),
    ),
    { seed: config.seed, numRuns: config.numRuns },
  )
  const broken = failures(laws)
  return {
    verdict: broken.length === 0 && !fold.failed ? "holds" : "fails",
    summary: `Pod, VM, PVC and Migration each carry their own status type; AnyWorkload hides the kind. Resource vectors under + are a monoid (${laws.laws.map((l) => `${l.law} ${l._tag}`).join(", ")}; sampled, seed ${config.seed}) and totalUsage = foldMap usage equals the sum of usages on ${fold.numRuns} mixes.`,
    evidence: { laws: laws.laws.map((l) => ({ law: l.law, verdict: l._tag })), seed: config.seed, runs: fold.numRuns, sample: toRecord(totalUsage([])) },
  }
}

/** The checks of S2. @since 0.1.0 @category claims */
export const s2Claims: ReadonlyArray<ClaimCheck> = [
  { id: "S2.1", statement: "Resource = CPU | Memory | Network | Storage", source: `${SOURCE}#checkS2_1`, check: checkS2_1 },
  { id: "S2.2", statement: "ResourceRequest = {request, limit, priority}; request ≤ limit", source: `${SOURCE}#checkS2_2`, check: checkS2_2 },
  { id: "S2.3", statement: "ContainerSpec = Basic | Privileged", source: `${SOURCE}#checkS2_3`, check: checkS2_3 },
  { id: "S2.4", statement: "VMSpec = {vcpu, vmemory, vdevices, ioThreads?}", source: `${SOURCE}#checkS2_4`, check: checkS2_4 },
  { id: "S2.5", statement: "VirtualMachine = PodSpec × VMSpecific", source: `${SOURCE}#checkS2_5`, check: checkS2_5 },
  { id: "S2.6", statement: "CRDs as a GADT; AnyWorkload; totalUsage = foldMap usage", source: `${SOURCE}#checkS2_6`, check: () => checkS2_6() },
]
