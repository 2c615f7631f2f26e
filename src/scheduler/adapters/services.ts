/**
 * Services as PodTopologySpread's default selector reads them: namespace, name and `spec.selector`
 * (absent: the Service selects no pod; `{}` selects every pod of its namespace).
 *
 * @since 0.1.0
 */
import type { ManifestOf } from "../../domain/manifest/Manifest.ts"
import type { ServiceSelector } from "../model/ClusterObjects.ts"
import { namespaceOfObject } from "./source.ts"

/**
 * The selectors of Service manifests.
 *
 * @since 0.1.0
 * @category constructors
 */
export const serviceSelectorsOf = (services: ReadonlyArray<ManifestOf<"Service">>): ReadonlyArray<ServiceSelector> =>
  services.map((s) => ({
    namespace: namespaceOfObject(s),
    name: s.metadata?.name ?? "<unnamed>",
    ...(s.spec?.selector === undefined ? {} : { selector: s.spec.selector }),
  }))
