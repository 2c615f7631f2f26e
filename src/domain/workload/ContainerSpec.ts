import { match } from "ts-pattern"
import type { ResourceVector } from "../resources/ResourceVector.ts"

/**
 * S2.3: `ContainerSpec = Basic(requests) | Privileged(requests, capabilities)`.
 *
 * @since 0.1.0
 */

/** The seed's container spec: basic, or privileged with capabilities. @since 0.1.0 @category model */
export type ContainerSpec =
  | { readonly _tag: "Basic"; readonly requests: ResourceVector }
  | { readonly _tag: "Privileged"; readonly requests: ResourceVector; readonly capabilities: ReadonlyArray<string> }

/**
 * The container `securityContext` Kubernetes would carry for the spec.
 *
 * @example
 * import { emptyResources } from "catcluster/domain/resources"
 * import { securityContextOf } from "catcluster/domain/workload"
 * securityContextOf({ _tag: "Privileged", requests: emptyResources, capabilities: ["NET_ADMIN"] })
 * // { privileged: true, capabilities: { add: ["NET_ADMIN"] } }
 *
 * @since 0.1.0
 * @category destructors
 */
export const securityContextOf = (c: ContainerSpec): { readonly privileged: boolean; readonly capabilities: { readonly add: ReadonlyArray<string> } } =>
  match(c)
    .with({ _tag: "Basic" }, () => ({ privileged: false, capabilities: { add: [] } }))
    .with({ _tag: "Privileged" }, (p) => ({ privileged: true, capabilities: { add: p.capabilities } }))
    .exhaustive()
