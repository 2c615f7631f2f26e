/**
 * What a workload manifest stamps out, read uniformly across kinds: the labels of the pods or
 * VMIs it makes (what Service and MigrationPolicy selectors match), how many, and for the
 * KubeVirt kinds the VMI spec they are made from. A Pod or VMI makes itself; a Deployment,
 * ReplicaSet, StatefulSet or Job makes pods from `spec.template`; a VirtualMachine makes one
 * VMI from `spec.template`; a VirtualMachineInstanceReplicaSet makes VMIs from `spec.template`;
 * a VirtualMachinePool makes VirtualMachines from `spec.virtualMachineTemplate`, hence VMIs
 * from `spec.virtualMachineTemplate.spec.template`.
 *
 * @since 0.1.0
 */
import { match } from "ts-pattern"
import type { VirtualMachineInstanceSpec } from "../manifest/codecs/kubevirt.ts"
import type { LabelSelector } from "../manifest/codecs/meta.ts"
import type { Manifest } from "../manifest/Manifest.ts"

/**
 * The VMI template of a KubeVirt workload: its spec, the labels its VMIs carry, where the spec
 * is in the manifest and how many VMIs it asks for.
 *
 * @since 0.1.0
 * @category model
 */
export interface VmiTemplate {
  readonly spec: VirtualMachineInstanceSpec
  readonly labels: Readonly<Record<string, string>>
  /** JSON path of `spec` in the manifest, e.g. `spec.template.spec`. */
  readonly path: string
  readonly replicas: number
}

/**
 * The VMI template of a VirtualMachineInstance, VirtualMachine, VirtualMachineInstanceReplicaSet
 * or VirtualMachinePool; `undefined` for any other kind.
 *
 * @example
 * import { vmiTemplateOf } from "catcluster/domain/model"
 * // vmiTemplateOf(pool)?.path === "spec.virtualMachineTemplate.spec.template.spec"
 *
 * @since 0.1.0
 * @category destructors
 */
export const vmiTemplateOf = (m: Manifest): VmiTemplate | undefined =>
  match(m)
    .with({ kind: "VirtualMachineInstance" }, (v) => ({ spec: v.spec, labels: v.metadata?.labels ?? {}, path: "spec", replicas: 1 }))
    .with({ kind: "VirtualMachine" }, (v) => ({ spec: v.spec.template.spec, labels: v.spec.template.metadata?.labels ?? {}, path: "spec.template.spec", replicas: 1 }))
    .with({ kind: "VirtualMachineInstanceReplicaSet" }, (v) => ({
      spec: v.spec.template.spec,
      labels: v.spec.template.metadata?.labels ?? {},
      path: "spec.template.spec",
      replicas: v.spec.replicas ?? 1,
    }))
    .with({ kind: "VirtualMachinePool" }, (v) => ({
      spec: v.spec.virtualMachineTemplate.spec.template.spec,
      labels: v.spec.virtualMachineTemplate.spec.template.metadata?.labels ?? {},
      path: "spec.virtualMachineTemplate.spec.template.spec",
      replicas: v.spec.replicas ?? 1,
    }))
    .otherwise(() => undefined)

/**
 * The labels of the pods or VMIs a workload manifest makes; `undefined` for kinds that make
 * none.
 *
 * @since 0.1.0
 * @category destructors
 */
export const unitLabelsOf = (m: Manifest): Readonly<Record<string, string>> | undefined =>
  match(m)
    .with({ kind: "Pod" }, (p) => p.metadata?.labels ?? {})
    .with({ kind: "Deployment" }, { kind: "ReplicaSet" }, { kind: "StatefulSet" }, { kind: "Job" }, (w) => w.spec.template.metadata?.labels ?? {})
    .otherwise((o) => vmiTemplateOf(o)?.labels)

/**
 * Whether labels satisfy a label selector (`matchLabels` and `matchExpressions` with In,
 * NotIn, Exists, DoesNotExist). An empty selector matches everything, as in the API.
 *
 * @example
 * import { selectorMatches } from "catcluster/domain/model"
 * selectorMatches({ matchLabels: { app: "web" } }, { app: "web", tier: "front" }) // true
 *
 * @since 0.1.0
 * @category refinements
 */
export const selectorMatches = (selector: LabelSelector, labels: Readonly<Record<string, string>>): boolean => {
  for (const [k, v] of Object.entries(selector.matchLabels ?? {})) if (labels[k] !== v) return false
  for (const e of selector.matchExpressions ?? []) {
    const has = Object.prototype.hasOwnProperty.call(labels, e.key)
    const value = labels[e.key]
    const values = e.values ?? []
    const ok = match(e.operator)
      .with("In", () => has && values.includes(value!))
      .with("NotIn", () => !has || !values.includes(value!))
      .with("Exists", () => has)
      .with("DoesNotExist", () => !has)
      .otherwise(() => false)
    if (!ok) return false
  }
  return true
}

/**
 * Whether labels carry every pair of a plain map selector (a Service's `spec.selector`, a
 * MigrationPolicy's selectors). An empty map matches everything.
 *
 * @since 0.1.0
 * @category refinements
 */
export const mapSelectorMatches = (selector: Readonly<Record<string, string>>, labels: Readonly<Record<string, string>>): boolean =>
  Object.entries(selector).every(([k, v]) => labels[k] === v)
