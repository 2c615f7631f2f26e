/**
 * Verdicts for S2.5 (a VM as PodSpec × VM-specific) and S2.6 (workload CRDs as a GADT and
 * `totalUsage` as a monoid fold), computed from the codecs and the resource monoid.
 *
 * @since 0.1.0
 */
import * as fc from "fast-check"
import type { Monoid } from "fp-ts/lib/Monoid.js"
import { concatAll } from "fp-ts/lib/Monoid.js"
import type { ClaimCheck, ClaimResult } from "../../claims/Claim.ts"
import { runConfig } from "../../laws/RunConfig.ts"
import type { RunConfig } from "../../laws/RunConfig.ts"
import { resourceVector } from "../resources/arbitrary.ts"
import { equalResources, MonoidResources, showResources } from "../resources/ResourceVector.ts"
import type { ResourceVector } from "../resources/ResourceVector.ts"
import { VirtualMachine, VirtualMachineInstanceSpec } from "./codecs/kubevirt.ts"
import { PodSpec } from "./codecs/pod.ts"
import { manifestCodecs } from "./Manifest.ts"
import { fieldsOf, requiredFieldsOf } from "./unknownFields.ts"

/**
 * How the VMI spec relates to the pod spec, field by field, read off the codecs.
 *
 * @since 0.1.0
 * @category claims
 */
export const vmiVersusPodSpec = (): {
  readonly shared: ReadonlyArray<string>
  readonly podOnly: ReadonlyArray<string>
  readonly vmOnly: ReadonlyArray<string>
  readonly podRequiredMissingInVmi: ReadonlyArray<string>
} => {
  const pod = new Set(fieldsOf(PodSpec))
  const vmi = new Set(fieldsOf(VirtualMachineInstanceSpec))
  return {
    shared: [...vmi].filter((f) => pod.has(f)).sort(),
    podOnly: [...pod].filter((f) => !vmi.has(f)).sort(),
    vmOnly: [...vmi].filter((f) => !pod.has(f)).sort(),
    podRequiredMissingInVmi: requiredFieldsOf(PodSpec).filter((f) => !vmi.has(f)),
  }
}

const s25 = (): ClaimResult => {
  const split = vmiVersusPodSpec()
  const vmSpec = fieldsOf(VirtualMachine.types[0].props.spec)
  const product = split.podRequiredMissingInVmi.length === 0
  return {
    verdict: product ? "holds" : "fails",
    summary: product
      ? `Every required PodSpec field is in the VMI spec: VMISpec projects onto PodSpec.`
      : `A VM does not contain a PodSpec: the VMI spec lacks the required PodSpec field(s) ${split.podRequiredMissingInVmi.join(", ")}; ` +
        `KubeVirt derives the virt-launcher pod from the VMI (Ω′) instead. What holds: VMISpec = S × D with S the ${split.shared.length} ` +
        `pod scheduling fields it shares (${split.shared.join(", ")}) and D the ${split.vmOnly.length} VM-only fields (domain, networks, …); ` +
        `the VirtualMachine wraps it as {${vmSpec.join(", ")}}.`,
    evidence: { ...split, virtualMachineSpec: vmSpec },
  }
}

/**
 * S2.6's fold: checks that `usage` values form a commutative monoid (identity, associativity,
 * commutativity) and that `totalUsage = foldMap usage` splits over concatenation — the
 * properties that make the total independent of how workloads are grouped or ordered.
 *
 * @since 0.1.0
 * @category claims
 */
export const totalUsageIsAFold = (
  monoid: Monoid<ResourceVector> = MonoidResources,
  config: RunConfig = runConfig(200),
): { readonly holds: boolean; readonly failing?: string; readonly counterexample?: string; readonly numRuns: number; readonly seed: number } => {
  const v = resourceVector(1n << 30n)
  const vs = fc.array(v, { maxLength: 6 })
  const eq = equalResources
  const fold = concatAll(monoid)
  const options = { seed: config.seed, numRuns: config.numRuns }
  const show = (xs: ReadonlyArray<unknown>): string =>
    xs.map((x) => (Array.isArray(x) ? `[${x.map((y) => showResources(y as ResourceVector)).join("; ")}]` : showResources(x as ResourceVector))).join(" | ")
  interface Outcome {
    readonly failed: boolean
    readonly numRuns: number
    readonly counterexample: ReadonlyArray<unknown> | null
  }
  const check = <T extends unknown[]>(property: fc.IProperty<T>): Outcome => {
    const r = fc.check(property, options)
    return { failed: r.failed, numRuns: r.numRuns, counterexample: r.counterexample }
  }
  const laws: ReadonlyArray<readonly [string, () => Outcome]> = [
    ["identity", () => check(fc.property(v, (a) => eq(monoid.concat(monoid.empty, a), a) && eq(monoid.concat(a, monoid.empty), a)))],
    ["associativity", () => check(fc.property(v, v, v, (a, b, c) => eq(monoid.concat(monoid.concat(a, b), c), monoid.concat(a, monoid.concat(b, c)))))],
    ["commutativity", () => check(fc.property(v, v, (a, b) => eq(monoid.concat(a, b), monoid.concat(b, a))))],
    ["foldMap splits over ++", () => check(fc.property(vs, vs, (xs, ys) => eq(fold([...xs, ...ys]), monoid.concat(fold(xs), fold(ys)))))],
  ]
  let runs = 0
  for (const [name, run] of laws) {
    const r = run()
    runs += r.numRuns
    if (r.failed) return { holds: false, failing: name, counterexample: show(r.counterexample ?? []), numRuns: runs, seed: config.seed }
  }
  return { holds: true, numRuns: runs, seed: config.seed }
}

/** The kinds S2.6 names: Pod, VM, PVC and Migration. @since 0.1.0 @category claims */
export const S2_6_KINDS = ["Pod", "VirtualMachine", "PersistentVolumeClaim", "VirtualMachineInstanceMigration"] as const

/**
 * S2.6 from its evidence: the kinds it names are members of the manifest union (`kinds`, the
 * codecs' keys) and `totalUsage` is a monoid fold (`fold`); it fails when either does not hold.
 *
 * @since 0.1.0
 * @category claims
 */
export const checkWorkloadUnion = (
  kinds: ReadonlyArray<string> = Object.keys(manifestCodecs),
  fold: ReturnType<typeof totalUsageIsAFold> = totalUsageIsAFold(),
): ClaimResult => {
  const missing = S2_6_KINDS.filter((k) => !kinds.includes(k))
  if (!fold.holds) {
    return {
      verdict: "fails",
      summary: `totalUsage is not a monoid fold: ${fold.failing} fails on ${fold.counterexample}.`,
      evidence: { fold, kinds, missing },
    }
  }
  if (missing.length > 0) {
    return { verdict: "fails", summary: `The manifest union lacks ${missing.join(", ")} of the kinds the claim names.`, evidence: { fold, kinds, missing } }
  }
  return {
    verdict: "holds",
    summary:
      `Manifests are one union tagged by kind (${kinds.length} kinds, ${S2_6_KINDS.join(", ")} among them, + a generic one for unknown kinds), matched exhaustively with ts-pattern ` +
      `(type-level test test/types/manifest.types.ts); each kind's spec has its own type; status is kept but its type is not modelled (not checked). ` +
      `totalUsage = foldMap usage over the resource monoid: identity, associativity, commutativity and the split over ++ hold ` +
      `(${fold.numRuns} cases, seed ${fold.seed}). Pod workloads are counted here; VM/VMI usage needs Ω′ (virt-launcher pod) from src/domain/kubevirt.`,
    evidence: { fold, kinds, missing },
  }
}

/**
 * The computed verdicts of the manifest claims.
 *
 * @since 0.1.0
 * @category claims
 */
export const claims: ReadonlyArray<ClaimCheck> = [
  {
    id: "S2.5",
    statement: "VirtualMachine = PodSpec × VMSpecific (product type; KubeVirt's VirtualMachine CRD).",
    source: "src/domain/manifest/claims.ts vmiVersusPodSpec over the io-ts codecs PodSpec and VirtualMachineInstanceSpec",
    check: s25,
  },
  {
    id: "S2.6",
    statement: "CRDs as a GADT (Pod, VM, PVC, Migration, each with its own status type); existential AnyWorkload; totalUsage = foldMap usage.",
    source: "src/domain/manifest/claims.ts totalUsageIsAFold; Manifest.ts; workload.ts totalUsage",
    check: () => checkWorkloadUnion(),
  },
]
