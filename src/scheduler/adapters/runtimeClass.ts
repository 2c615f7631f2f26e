/**
 * The RuntimeClass admission plugin, for pods about to be created: a pod naming a
 * `runtimeClassName` gets the class's `overhead.podFixed` as its `spec.overhead` (which the
 * scheduler adds to its requests) and the class's `scheduling` node selector and tolerations. An
 * overhead that differs from the class's, a class without overhead for a pod that sets one, or a
 * node selector that contradicts the class's are refused with the API server's message, as
 * `kubectl apply` would report them; so is a class the input lacks, for a pod without overhead.
 *
 * Pods that already exist (a live dump: bound, or carrying a status or a uid) were admitted when
 * they were created; their spec already holds what admission wrote, so they are read as they are.
 * A pod that sets `spec.overhead` but whose class the input lacks is read the same way (its spec
 * is taken as admission's result), and so is an overhead without any `runtimeClassName`, which
 * the API server would refuse: both are how people write an overhead by hand.
 *
 * @since 0.1.0
 */
import type { PodSpec } from "../../domain/manifest/codecs/pod.ts"
import type { Manifest, ManifestOf } from "../../domain/manifest/Manifest.ts"
import type { Quantity } from "../../domain/quantity/Quantity.ts"
import { SchedulerInputError } from "../SchedulerInputError.ts"
import type { Locate } from "./fieldErrors.ts"
import { where } from "./source.ts"

/** RuntimeClasses by name. @since 0.1.0 @category model */
export type RuntimeClasses = ReadonlyMap<string, ManifestOf<"RuntimeClass">>

/**
 * The RuntimeClass objects among `manifests`, by name (a name given twice is refused).
 *
 * @since 0.1.0
 * @category constructors
 */
export const runtimeClassesOf = (manifests: ReadonlyArray<Manifest>): RuntimeClasses => {
  const byName = new Map<string, ManifestOf<"RuntimeClass">>()
  for (const m of manifests) {
    if (m.kind !== "RuntimeClass") continue
    const name = m.metadata?.name
    if (name === undefined || name === "") throw new SchedulerInputError(where(m, "metadata.name"), "Required value: name or generateName is required")
    const first = byName.get(name)
    if (first !== undefined) throw new SchedulerInputError(where(m, "metadata.name"), `RuntimeClass ${name} is defined twice (first at ${where(first, "")})`)
    byName.set(name, m)
  }
  return byName
}

// Semantic equality of two resource lists (1000m equals 1).
const sameAmounts = (a: Readonly<Record<string, Quantity>>, b: Readonly<Record<string, Quantity>>): boolean => {
  const keys = Object.keys(a)
  return keys.length === Object.keys(b).length && keys.every((k) => b[k] !== undefined && b[k].nanos === (a[k] as Quantity).nanos)
}

/**
 * The spec admission leaves: `spec` itself when the pod names no class or already exists
 * (`admitted`), else the class's overhead and scheduling constraints written in. `locate` is
 * relative to the spec.
 *
 * @since 0.1.0
 * @category constructors
 */
export const admitRuntimeClass = (spec: PodSpec, classes: RuntimeClasses, locate: Locate, admitted: boolean): PodSpec => {
  if (admitted) return spec
  const name = spec.runtimeClassName
  const overhead = spec.overhead ?? {}
  if (name === undefined || name === "") return spec
  const rc = classes.get(name)
  if (rc === undefined) {
    if (spec.overhead !== undefined) return spec
    throw new SchedulerInputError(
      locate("runtimeClassName"),
      `pod rejected: RuntimeClass ${JSON.stringify(name)} not found (its overhead and scheduling constraints decide where the pod fits: add the RuntimeClass to the input)`,
    )
  }
  let out: PodSpec = spec
  const fixed = rc.overhead?.podFixed
  if (fixed !== undefined) {
    if (Object.keys(overhead).length > 0 && !sameAmounts(fixed, overhead)) throw new SchedulerInputError(locate("overhead"), "pod rejected: Pod's Overhead doesn't match RuntimeClass's defined Overhead")
    out = { ...out, overhead: fixed }
  } else if (spec.overhead !== undefined) {
    throw new SchedulerInputError(locate("overhead"), "pod rejected: Pod Overhead set without corresponding RuntimeClass defined Overhead")
  }
  const scheduling = rc.scheduling
  if (scheduling !== undefined) {
    const selector: Record<string, string> = { ...(out.nodeSelector ?? {}) }
    for (const [key, value] of Object.entries(scheduling.nodeSelector ?? {})) {
      const podValue = selector[key]
      if (podValue !== undefined && podValue !== value) {
        throw new SchedulerInputError(locate(`nodeSelector.${key}`), `conflict: runtimeClass.scheduling.nodeSelector[${key}] = ${value}; pod.spec.nodeSelector[${key}] = ${podValue}`)
      }
      selector[key] = value
    }
    // upstream merges tolerations dropping the redundant ones; an extra copy tolerates nothing more
    const tolerations = [...(out.tolerations ?? []), ...(scheduling.tolerations ?? [])]
    out = { ...out, ...(Object.keys(selector).length === 0 ? {} : { nodeSelector: selector }), ...(tolerations.length === 0 ? {} : { tolerations }) }
  }
  return out
}
