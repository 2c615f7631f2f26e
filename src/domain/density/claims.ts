import type { ClaimCheck, ClaimResult } from "../../claims/Claim.ts"
import { memoryOverhead, vmiSpec, type VmiSpec } from "../kubevirt/index.ts"
import { seededUniform } from "../services/seeded.ts"
import { occupation, type LibrarySet } from "./shareRatio.ts"
import { densityGain, fitGain, maxContainers } from "./startupModel.ts"

/**
 * Claims S5.1–S5.5 (density and memory sharing), computed.
 *
 * @since 0.1.0
 */

/** The seed of the random library families (reported in the evidence). @since 0.1.0 @category constants */
export const DENSITY_SEED = 20261127

/** A small image family: every container maps libc, some map the rest. */
const sampleFamily = (seed: number, containers: number, libraries: number): LibrarySet[] => {
  const rng = seededUniform(seed)
  return Array.from({ length: containers }, (_, i) => ({
    container: `c${i}`,
    libraries: ["libc", ...Array.from({ length: libraries }, (_, l) => `lib${l}`).filter(() => rng.next() < 0.5)],
  }))
}

/**
 * S5.1: for seeded random families, the colimit of the library sets glued along shared
 * libraries has |⋃ M(cᵢ)| elements, never more than Σ |M(cᵢ)|; the difference is the memory
 * sharing saves.
 *
 * @since 0.1.0
 * @category claims
 */
export const checkOccupationIsColimit = (trials = 40, seed = DENSITY_SEED): ClaimResult => {
  const mismatches: unknown[] = []
  let saved = 0
  let disjointTotal = 0
  for (let t = 0; t < trials; t++) {
    const family = sampleFamily(seed + t, 2 + (t % 5), 3 + (t % 7))
    const o = occupation(family)
    const union = new Set(family.flatMap((c) => c.libraries)).size
    if (o.colimit !== union || o.colimit > o.disjoint) mismatches.push({ family, occupation: o, union })
    saved += o.disjoint - o.colimit
    disjointTotal += o.disjoint
  }
  return mismatches.length === 0
    ? {
        verdict: "holds",
        summary: `On ${trials} seeded library families the colimit ⨆ M(cᵢ)/~ has |⋃ M(cᵢ)| elements; sharing saved ${saved} of ${disjointTotal} library copies.`,
        evidence: { trials, seed, saved, disjointTotal },
      }
    : { verdict: "fails", summary: "The colimit size differs from the union size.", evidence: { seed, mismatches } }
}

/**
 * S5.2: f computed by FinSet limit / colimit on a worked family, checked against plain sets, and
 * its range: 0 ≤ f ≤ 1, f = 1 exactly when all sets are equal.
 *
 * @since 0.1.0
 * @category claims
 */
export const checkShareRatio = (): ClaimResult => {
  const family: LibrarySet[] = [
    { container: "nginx", libraries: ["libc", "libssl", "libpcre", "libz"] },
    { container: "php", libraries: ["libc", "libssl", "libxml2", "libz"] },
    { container: "redis", libraries: ["libc", "libz", "libjemalloc"] },
  ]
  const o = occupation(family)
  const sets = family.map((c) => new Set(c.libraries))
  const inter = [...(sets[0] as Set<string>)].filter((l) => sets.every((s) => s.has(l))).length
  const union = new Set(family.flatMap((c) => c.libraries)).size
  const same = occupation([family[0] as LibrarySet, { ...(family[0] as LibrarySet), container: "copy" }]).shareRatio
  const ok = o.shared === inter && o.colimit === union && same === 1
  return {
    verdict: ok ? "modelled" : "fails",
    summary: `f = |⋂|/|⋃| = ${o.shared}/${o.colimit} = ${o.shareRatio.toFixed(3)} on the worked family (FinSet limit/colimit agree with plain sets: ${ok}); identical images give f = ${same}.`,
    evidence: { family, occupation: o, intersection: inter, union, identicalImages: same },
  }
}

/**
 * S5.3: the model runs; its limit f → 1 is N_max → capacity / v, infinite only when v = 0 (the
 * seed's "N_max → ∞" needs no exclusive memory at all).
 *
 * @since 0.1.0
 * @category claims
 */
export const checkStartupModel = (): ClaimResult => {
  const p = { exclusive: 20, shareable: 80 } // MiB per container: an illustrative split
  const capacity = 64 * 1024
  const curve = [0, 0.1, 0.5, 0.9, 1].map((f) => ({ f, nMax: Math.floor(maxContainers(capacity, p, f)) }))
  const atOne = maxContainers(capacity, p, 1)
  const noExclusive = maxContainers(capacity, { exclusive: 0, shareable: 80 }, 1)
  return {
    verdict: "modelled",
    summary: `N_max = M / (v + r(1−f)) runs; at f = 1 it is M/v = ${atOne} (finite for v > 0), and ∞ only for v = 0 (${noExclusive}).`,
    evidence: { parameters: p, capacityMiB: capacity, curve, limitAtFullSharing: atOne, limitWithoutExclusive: String(noExclusive) },
  }
}

/**
 * S5.4: 730 → 1940 from f = 0 to f = 0.1 is a factor 2.658; the model allows at most
 * (1 − 0)/(1 − 0.1) = 1.111 for any v, r ≥ 0. The fit needs v/r < 0, or f₁ ≈ 0.624 with v = 0.
 *
 * @since 0.1.0
 * @category claims
 */
export const checkClaimedExperiment = (): ClaimResult => {
  const fit = fitGain(1940 / 730, 0, 0.1)
  const atBound = densityGain({ exclusive: 0, shareable: 1 }, 0, 0.1)
  return {
    verdict: fit.reproducible ? "holds" : "inconsistent",
    summary: `1940/730 = ${fit.observedGain.toFixed(3)}, but the model's gain from f = 0 to 0.1 is at most ${fit.bound.toFixed(3)} (v = 0); it needs v/r = ${fit.exclusivePerShareable.toFixed(3)} < 0, or f₁ = ${fit.requiredShareRatio.toFixed(3)} at v = 0.`,
    evidence: { ...fit, gainAtVZero: atBound },
  }
}

const smallVm = (name: string, vcpus: number, gib: number, extra: Partial<VmiSpec> = {}): VmiSpec =>
  vmiSpec({
    name,
    memoryGuest: BigInt(gib) << 30n,
    cpu: { cores: vcpus, sockets: 1, threads: 1, dedicatedCpuPlacement: false, isolateEmulatorThread: false },
    ...extra,
  })

const MiB = 1n << 20n

/**
 * S5.5: ρ = 200/1000 = 0.2 is arithmetic; the "~1 GiB QEMU overhead per VM" is checked against
 * KubeVirt v1.9's virt-launcher overhead formula: a plain VM needs a few hundred MiB, ~1 GiB
 * more only with a VFIO device. No EPT limit on the number of VMs is modelled (none is known to
 * Kubernetes: the kubelet's maxPods, default 110, bounds VMIs and Pods alike).
 *
 * @since 0.1.0
 * @category claims
 */
export const checkDensityNumbers = (): ClaimResult => {
  const vms = [smallVm("1vcpu-1Gi", 1, 1), smallVm("2vcpu-2Gi", 2, 2), smallVm("4vcpu-8Gi", 4, 8), smallVm("1vcpu-1Gi-gpu", 1, 1, { gpus: [{ name: "gpu", deviceName: "nvidia.com/GA102" }] })]
  const overheads = vms.map((vm) => ({ vm: vm.name, overheadMiB: Number(memoryOverhead(vm).total / MiB) }))
  const plain = overheads.filter((o) => !o.vm.endsWith("gpu"))
  const claimMiB = 1024
  const plainNear = plain.filter((o) => Math.abs(o.overheadMiB - claimMiB) / claimMiB <= 0.25)
  const rho = 200 / 1000
  // Memory-bound VMs on a 256 GiB node: guest memory plus the launcher's overhead each.
  const nodeMiB = 256 * 1024
  const perVmMiB = 1024 + (overheads[0]?.overheadMiB ?? 0)
  const vmsPerNode = Math.floor(nodeMiB / perVmMiB)
  return {
    verdict: plainNear.length === 0 ? "fails" : "holds",
    summary: `ρ = 200/1000 = ${rho}; KubeVirt v1.9 overhead of plain VMs is ${plain.map((o) => `${o.overheadMiB}Mi`).join(", ")}, not ~1 GiB (only a VFIO device adds 1Gi: ${overheads[3]?.overheadMiB}Mi). Memory alone fits ${vmsPerNode} 1 GiB VMs on a 256 GiB node; the kubelet's default maxPods (110) binds first unless raised.`,
    evidence: { rho, claimedOverheadMiB: claimMiB, overheads, memoryBoundVmsPerNode: { nodeMiB, perVmMiB, vmsPerNode }, kubeletDefaultMaxPods: 110, eptLimit: "not modelled: no source gives a per-node VM limit from EPT" },
  }
}

/**
 * The checks of S5.1–S5.5.
 *
 * @since 0.1.0
 * @category claims
 */
export const claims: ReadonlyArray<ClaimCheck> = [
  { id: "S5.1", statement: "Occupation of many workloads is a colimit ⨆ Cᵢ / ~ (shared resources identified).", source: "src/domain/density/claims.ts#checkOccupationIsColimit (occupation)", check: () => checkOccupationIsColimit() },
  { id: "S5.2", statement: "Share ratio f = |⋂ M(Cᵢ)| / |⋃ M(Cᵢ)| over library sets.", source: "src/domain/density/claims.ts#checkShareRatio (occupation, shareRatio)", check: checkShareRatio },
  { id: "S5.3", statement: "N_max ∝ 1 / (v + r·(1−f)).", source: "src/domain/density/claims.ts#checkStartupModel (maxContainers)", check: checkStartupModel },
  { id: "S5.4", statement: "Raising f from 0 to 0.1 raised containers started from 730 to 1940.", source: "src/domain/density/claims.ts#checkClaimedExperiment (fitGain)", check: checkClaimedExperiment },
  { id: "S5.5", statement: "~1000 containers vs ~200 VMs per node (ρ = 0.2); QEMU overhead ~1 GiB per VM; EPT limits ~200 VMs.", source: "src/domain/density/claims.ts#checkDensityNumbers (kubevirt memoryOverhead)", check: checkDensityNumbers },
]
