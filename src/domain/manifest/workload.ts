/**
 * The pods a manifest stands for: a Pod is one, a controller stamps out `replicas` copies of
 * its template. Gives the resource footprint of Kubernetes workloads (VMIs go through the
 * virt-launcher pod, modelled in `src/domain/kubevirt`).
 *
 * @since 0.1.0
 */
import { match } from "ts-pattern"
import { podRequests } from "../resources/PodRequests.ts"
import type { PodResourcesOptions } from "../resources/PodRequests.ts"
import { concatAll } from "fp-ts/lib/Monoid.js"
import { MonoidResources, scaleResources } from "../resources/ResourceVector.ts"
import type { ResourceVector } from "../resources/ResourceVector.ts"
import type { PodSpec } from "./codecs/pod.ts"
import type { Manifest } from "./Manifest.ts"

/**
 * A pod spec and how many pods of it the manifest asks to run at once.
 *
 * @since 0.1.0
 * @category model
 */
export interface PodTemplate {
  readonly spec: PodSpec
  readonly replicas: number
}

/**
 * The pod template of a workload manifest and its replica count (Kubernetes defaults: 1
 * replica; a Job runs `parallelism` pods at once, at most `completions`), or `undefined` for
 * manifests that are not pod workloads.
 *
 * @example
 * import { podTemplateOf } from "catcluster/domain/manifest"
 * // podTemplateOf(nginxDeployment)?.replicas === 3
 *
 * @since 0.1.0
 * @category destructors
 */
export const podTemplateOf = (m: Manifest): PodTemplate | undefined =>
  match(m)
    .with({ kind: "Pod" }, (p) => ({ spec: p.spec, replicas: 1 }))
    .with({ kind: "Deployment" }, { kind: "ReplicaSet" }, { kind: "StatefulSet" }, (d) => ({
      spec: d.spec.template.spec,
      replicas: d.spec.replicas ?? 1,
    }))
    .with({ kind: "ReplicationController" }, (r) =>
      r.spec?.template === undefined ? undefined : { spec: r.spec.template.spec, replicas: r.spec.replicas ?? 1 },
    )
    .with({ kind: "Job" }, (j) => ({
      spec: j.spec.template.spec,
      replicas: Math.min(j.spec.parallelism ?? 1, j.spec.completions ?? Number.POSITIVE_INFINITY),
    }))
    .otherwise(() => undefined)

/**
 * The resource footprint of a pod workload: one pod's effective request and the total over
 * its replicas.
 *
 * @since 0.1.0
 * @category destructors
 */
export const workloadRequests = (
  m: Manifest,
  options: PodResourcesOptions = {},
): { readonly perPod: ResourceVector; readonly replicas: number; readonly total: ResourceVector } | undefined => {
  const template = podTemplateOf(m)
  if (template === undefined) return undefined
  const perPod = podRequests(template.spec, options)
  return { perPod, replicas: template.replicas, total: scaleResources(BigInt(template.replicas))(perPod) }
}

/**
 * `totalUsage = foldMap usage` over heterogeneous manifests (S2.6): the sum, in the resource
 * monoid, of every pod workload's total request. Manifests whose usage is not a pod template
 * (VMs and VMIs, which become virt-launcher pods through Ω′) are listed in `skipped`.
 *
 * @example
 * import { totalUsage } from "catcluster/domain/manifest"
 * // totalUsage(manifests).total → cpu=1900m memory=…
 *
 * @since 0.1.0
 * @category destructors
 */
export const totalUsage = (
  manifests: ReadonlyArray<Manifest>,
  options: PodResourcesOptions = {},
): { readonly total: ResourceVector; readonly counted: number; readonly skipped: ReadonlyArray<string> } => {
  const usages: ResourceVector[] = []
  const skipped: string[] = []
  for (const m of manifests) {
    const w = workloadRequests(m, options)
    if (w === undefined) skipped.push(`${m.kind === "Unknown" ? m.declaredKind : m.kind}/${m.metadata?.name ?? "?"}`)
    else usages.push(w.total)
  }
  return { total: concatAll(MonoidResources)(usages), counted: usages.length, skipped }
}
