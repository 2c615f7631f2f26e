import * as E from "fp-ts/lib/Either.js"
import { match } from "ts-pattern"
import type { Manifest } from "../../domain/manifest/Manifest.ts"
import { showSource } from "../../domain/model/ModelError.ts"
import { resourceRequirements, type ContainerInput } from "../../domain/resources/ResourceRequirements.ts"
import { showResourceError } from "../../domain/resources/ResourceError.ts"
import { exhaustive } from "../../laws/Carrier.ts"
import { law } from "../../laws/Law.ts"
import { bind, notApplicable, suite, type Suite } from "../../laws/Suite.ts"
import { noneFound } from "./Shortfall.ts"

/**
 * S2.2 on the user's manifests: every container's (and every VMI's `domain.resources`)
 * requirements pass the API server's validation — request ≤ limit, a request defaults to its
 * limit, and extended resources and hugepages (not overcommittable) have request = limit.
 *
 * @since 0.1.0
 */

/**
 * One resources stanza to validate, with where it is.
 *
 * @since 0.1.0
 * @category model
 */
export interface ResourceStanza {
  /** `pods.yaml: document 0, Deployment prod/web` */
  readonly where: string
  /** JSON path of the container (or VMI domain) in the manifest. */
  readonly path: string
  readonly container: ContainerInput
}

const name = (m: Manifest): string => `${m.metadata?.namespace ?? "default"}/${m.metadata?.name ?? "<unnamed>"}`

/**
 * Every resources stanza in the manifests: containers, init containers, and VMI domains.
 *
 * @since 0.1.0
 * @category destructors
 */
export const resourceStanzas = (manifests: ReadonlyArray<Manifest>): ReadonlyArray<ResourceStanza> =>
  manifests.flatMap((m): ReadonlyArray<ResourceStanza> => {
    const where = `${showSource(m.source)}, ${m.kind === "Unknown" ? m.declaredKind : m.kind} ${name(m)}`
    const pod = (prefix: string, spec: { readonly containers: ReadonlyArray<ContainerInput>; readonly initContainers?: ReadonlyArray<ContainerInput> | undefined }) => [
      ...spec.containers.map((container, i) => ({ where, path: `${prefix}.containers[${i}]`, container })),
      ...(spec.initContainers ?? []).map((container, i) => ({ where, path: `${prefix}.initContainers[${i}]`, container })),
    ]
    return match(m)
      .with({ kind: "Pod" }, (p) => pod("spec", p.spec))
      .with({ kind: "Deployment" }, { kind: "ReplicaSet" }, { kind: "StatefulSet" }, { kind: "Job" }, (w) => pod("spec.template.spec", w.spec.template.spec))
      .with({ kind: "VirtualMachineInstance" }, (v) => [{ where, path: "spec.domain", container: { resources: v.spec.domain.resources } }])
      .with({ kind: "VirtualMachine" }, (v) => [{ where, path: "spec.template.spec.domain", container: { resources: v.spec.template.spec.domain.resources } }])
      .with({ kind: "VirtualMachineInstanceReplicaSet" }, (v) => [{ where, path: "spec.template.spec.domain", container: { resources: v.spec.template.spec.domain.resources } }])
      .with({ kind: "VirtualMachinePool" }, (v) => [
        { where, path: "spec.virtualMachineTemplate.spec.template.spec.domain", container: { resources: v.spec.virtualMachineTemplate.spec.template.spec.domain.resources } },
      ])
      .otherwise(() => [])
  })

/**
 * The resources suite on the user's manifests (exhaustive over every stanza).
 *
 * @example
 * import { resourceSuite } from "catcluster/app/check"
 * import { runSuite, printVerdict } from "catcluster/laws"
 * // console.log(printVerdict(runSuite(resourceSuite(manifests))))
 *
 * @since 0.1.0
 * @category suites
 */
export const resourceSuite = (manifests: ReadonlyArray<Manifest>, subject = "your manifests"): Suite => {
  const stanzas = resourceStanzas(manifests)
  const statement = "request ≤ limit; extended and hugepages: request = limit (S2.2)"
  return suite("resources", subject, [
    stanzas.length === 0
      ? notApplicable("resources.requestWithinLimit", statement, "the manifests have no container and no VMI domain")
      : bind(
          law("resources.requestWithinLimit", statement, (s: ResourceStanza) => {
            const r = resourceRequirements(s.container, s.path)
            return { lhs: E.isLeft(r) ? r.left : [], rhs: [] }
          }),
          exhaustive(() => stanzas, (s) => `${s.where}, ${s.path}`),
          noneFound((errors) => errors.map(showResourceError).join("; ")),
        ),
  ])
}
