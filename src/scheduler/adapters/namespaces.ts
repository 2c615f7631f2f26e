/**
 * Namespaces as pod affinity's `namespaceSelector` reads them: each Namespace object's labels
 * plus `kubernetes.io/metadata.name` (which the API server sets on every namespace), and the
 * namespaces the pods use that no Namespace object in the input defines (with that label only).
 *
 * @since 0.1.0
 */
import type { ManifestOf } from "../../domain/manifest/Manifest.ts"
import type { NamespaceInfo } from "../model/ClusterObjects.ts"
import { SchedulerInputError } from "../SchedulerInputError.ts"
import { required } from "./fieldErrors.ts"
import { where } from "./source.ts"

/** The label the API server puts on every namespace: its name. @since 0.1.0 @category constants */
export const NAMESPACE_NAME_LABEL = "kubernetes.io/metadata.name"

/**
 * The namespaces of `objects`, then those of `used` (in order of first use) that none defines.
 *
 * @example
 * import { namespacesOf } from "catcluster/scheduler"
 * namespacesOf([], ["web"]) // [{ name: "web", labels: { "kubernetes.io/metadata.name": "web" } }]
 *
 * @since 0.1.0
 * @category constructors
 */
export const namespacesOf = (objects: ReadonlyArray<ManifestOf<"Namespace">>, used: Iterable<string>): ReadonlyArray<NamespaceInfo> => {
  const out = new Map<string, NamespaceInfo>()
  for (const m of objects) {
    const name = m.metadata?.name
    if (name === undefined || name === "") throw required(where(m, "metadata.name"))
    if (out.has(name)) throw new SchedulerInputError(where(m, "metadata.name"), `namespace ${name} is defined twice`)
    out.set(name, { name, labels: { ...(m.metadata?.labels ?? {}), [NAMESPACE_NAME_LABEL]: name } })
  }
  for (const name of used) if (!out.has(name)) out.set(name, { name, labels: { [NAMESPACE_NAME_LABEL]: name } })
  return [...out.values()]
}
