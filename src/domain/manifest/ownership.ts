/**
 * Owner references, and what a dump of a live cluster shows twice. `kubectl get all -o yaml`
 * lists a Deployment, its ReplicaSets and their Pods; `kubectl get vms,vmis,pods` lists a
 * VirtualMachine, its VirtualMachineInstance and the VMI's virt-launcher Pod. Each of these
 * stands for the same running pods, so a reader must count each once: the objects that exist
 * (Pods, VMIs) are kept, the controllers whose objects are present are not expanded again, and a
 * VMI is modelled from the VMI (Ω′), not from its launcher Pod.
 *
 * @since 0.1.0
 */
import type { Manifest } from "./Manifest.ts"

/**
 * One entry of `metadata.ownerReferences`.
 *
 * @since 0.1.0
 * @category model
 */
export interface OwnerReference {
  readonly kind: string
  readonly name: string
  /** `controller: true`: the owner manages this object (at most one per object). */
  readonly controller: boolean
}

/** The pod label a Deployment puts on its ReplicaSets' pods; the ReplicaSet is `<deployment>-<hash>`. @since 0.1.0 @category constants */
export const POD_TEMPLATE_HASH = "pod-template-hash"

/** Run strategies under which KubeVirt keeps a VMI for a VirtualMachine. */
const RUNNING = new Set(["Always", "RerunOnFailure", "Once"])

/** Kinds whose template a reader expands into pods. */
const CONTROLLERS = new Set(["Deployment", "ReplicaSet", "StatefulSet", "Job"])

const kindOf = (m: Manifest): string => (m.kind === "Unknown" ? m.declaredKind : m.kind)
const namespaceOf = (m: Manifest): string => m.metadata?.namespace ?? "default"
const idOf = (kind: string, namespace: string, name: string): string => `${kind}\u0000${namespace}\u0000${name}`

/**
 * The owner references of a manifest (malformed entries, without a kind or a name, are left out).
 *
 * @since 0.1.0
 * @category destructors
 */
export const ownerReferences = (m: Manifest): ReadonlyArray<OwnerReference> =>
  (m.metadata?.ownerReferences ?? []).flatMap((r) =>
    typeof r["kind"] === "string" && typeof r["name"] === "string" ? [{ kind: r["kind"], name: r["name"], controller: r["controller"] === true }] : [],
  )

/**
 * The managing owner of a manifest: the reference with `controller: true`, else none.
 *
 * @since 0.1.0
 * @category destructors
 */
export const controllerOf = (m: Manifest): OwnerReference | undefined => ownerReferences(m).find((r) => r.controller)

/**
 * `Succeeded` or `Failed`, the absorbing phases of Pods and VMIs (`status.phase`), else undefined.
 *
 * @since 0.1.0
 * @category destructors
 */
export const terminalPhaseOf = (m: Manifest): string | undefined => {
  const phase = (m as { readonly status?: { readonly phase?: unknown } }).status?.phase
  return phase === "Succeeded" || phase === "Failed" ? phase : undefined
}

/**
 * What a set of manifests shows twice, and where VMIs run.
 *
 * @since 0.1.0
 * @category model
 */
export interface Ownership {
  /** Manifests already counted through another object of the input, with why. */
  readonly represented: ReadonlyMap<Manifest, string>
  /** The node a VMI runs on (by namespace and name): its `status.nodeName`, else its virt-launcher Pod's `spec.nodeName`. */
  readonly vmiNode: (namespace: string, name: string) => string | undefined
}

/**
 * Which manifests a reader must skip so that every pod is counted once:
 * - a Deployment, ReplicaSet, StatefulSet or Job that owns (as controller) a ReplicaSet or Pod
 *   of the input; a Deployment also when a Pod carries its ReplicaSet's `pod-template-hash`
 *   (the ReplicaSet `<deployment>-<hash>` may be missing from a `kubectl get deploy,pods` dump);
 * - a VirtualMachine whose VMI (same name, or owned by it) is in the input;
 * - a virt-launcher Pod (controlled by a VirtualMachineInstance) whose VMI, or the VM of that
 *   name, is in the input: the VMI is modelled through Ω′ and placed where the Pod runs.
 *
 * @since 0.1.0
 * @category constructors
 */
export const resolveOwnership = (manifests: ReadonlyArray<Manifest>): Ownership => {
  const present = new Set(manifests.flatMap((m) => (m.metadata?.name === undefined ? [] : [idOf(kindOf(m), namespaceOf(m), m.metadata.name)])))
  // owner id → the kinds of the objects it controls in the input
  const owned = new Map<string, Set<string>>()
  const own = (ownerId: string, childKind: string): void => {
    const kinds = owned.get(ownerId) ?? new Set<string>()
    kinds.add(childKind)
    owned.set(ownerId, kinds)
  }
  const launcherNode = new Map<string, string>()
  const launchers: Manifest[] = []
  for (const m of manifests) {
    const ns = namespaceOf(m)
    const ref = controllerOf(m)
    if (ref === undefined) continue
    own(idOf(ref.kind, ns, ref.name), kindOf(m))
    if (m.kind === "Pod" && ref.kind === "ReplicaSet") {
      const hash = m.metadata?.labels?.[POD_TEMPLATE_HASH]
      if (hash !== undefined && ref.name.endsWith(`-${hash}`)) own(idOf("Deployment", ns, ref.name.slice(0, -hash.length - 1)), "Pod")
    }
    if (m.kind === "VirtualMachineInstance" && ref.kind === "VirtualMachine") own(idOf("VirtualMachine", ns, ref.name), "VirtualMachineInstance")
    if (m.kind === "Pod" && ref.kind === "VirtualMachineInstance") {
      launchers.push(m)
      if (m.spec.nodeName !== undefined && terminalPhaseOf(m) === undefined) launcherNode.set(`${ns}/${ref.name}`, m.spec.nodeName)
    }
  }
  const represented = new Map<Manifest, string>()
  for (const m of manifests) {
    const name = m.metadata?.name
    if (name === undefined) continue
    const ns = namespaceOf(m)
    const kind = kindOf(m)
    const children = owned.get(idOf(kind, ns, name))
    if (CONTROLLERS.has(kind) && children !== undefined) {
      represented.set(m, `its ${[...children].sort().join(" and ")} objects are in the input: counted through them, not expanded again`)
    } else if (kind === "VirtualMachine" && (present.has(idOf("VirtualMachineInstance", ns, name)) || children?.has("VirtualMachineInstance") === true)) {
      represented.set(m, "its VirtualMachineInstance is in the input: modelled by the VMI")
    }
  }
  // a VM whose controller keeps a VMI: a reader models it, so its launcher pod is counted there
  const runningVms = new Set(
    manifests.flatMap((m) =>
      m.kind === "VirtualMachine" && m.metadata?.name !== undefined && (m.spec.running === true || RUNNING.has(m.spec.runStrategy ?? "")) ? [`${namespaceOf(m)}/${m.metadata.name}`] : [],
    ),
  )
  for (const p of launchers) {
    const ref = controllerOf(p)!
    const ns = namespaceOf(p)
    const by = present.has(idOf("VirtualMachineInstance", ns, ref.name)) ? "VirtualMachineInstance" : runningVms.has(`${ns}/${ref.name}`) ? "VirtualMachine" : undefined
    if (by !== undefined) represented.set(p, `the virt-launcher pod of ${by} ${ns}/${ref.name}: modelled from the ${by === "VirtualMachine" ? "VM" : "VMI"} through Ω′`)
  }
  const statusNode = new Map<string, string>()
  for (const m of manifests) {
    if (m.kind !== "VirtualMachineInstance" || terminalPhaseOf(m) !== undefined) continue
    const n = (m.status as { readonly nodeName?: unknown } | undefined)?.nodeName
    if (typeof n === "string" && n !== "" && m.metadata?.name !== undefined) statusNode.set(`${namespaceOf(m)}/${m.metadata.name}`, n)
  }
  return { represented, vmiNode: (namespace, name) => statusNode.get(`${namespace}/${name}`) ?? launcherNode.get(`${namespace}/${name}`) }
}
