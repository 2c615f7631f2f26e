import * as E from "fp-ts/lib/Either.js"
import { UserError } from "../cli/UserError.ts"
import { decodeFile, showManifestError, type Manifest, type ManifestSource } from "../domain/manifest/index.ts"
import { clusterFromManifests, type ClusterModel, type ModelledUnit } from "../domain/model/clusterFromManifests.ts"
import { showModelError } from "../domain/model/ModelError.ts"
import type { ModelFile } from "./model.ts"

/**
 * The user's cluster as every step of the main job reads it: the files decoded once (parsing
 * YAML dominates the cost of a large cluster, so no step parses again), the manifests, and the
 * domain's cluster model (S1.1).
 *
 * @since 0.1.0
 */

/** One model file decoded: its manifests and its documents as plain data. @since 0.1.0 @category model */
export interface DecodedModelFile {
  readonly file: string
  readonly manifests: ReadonlyArray<Manifest>
  readonly raws: ReadonlyArray<unknown>
}

/** The decoded input and the cluster model built from it. @since 0.1.0 @category model */
export interface UserCluster {
  readonly files: ReadonlyArray<DecodedModelFile>
  readonly manifests: ReadonlyArray<Manifest>
  readonly model: ClusterModel
  /** The manifest a unit or machine came from, by its source. */
  readonly manifestAt: (source: ManifestSource) => Manifest | undefined
  readonly pods: ReadonlyArray<ModelledUnit>
  readonly vmis: ReadonlyArray<ModelledUnit>
}

/**
 * Decodes the model files and builds the cluster model. A user's mistake stops the job with
 * every problem named (file, line, JSON path): a {@link UserError}, exit 2.
 *
 * @since 0.1.0
 * @category constructors
 */
export const readUserCluster = (files: ReadonlyArray<ModelFile>): UserCluster => {
  const decoded: DecodedModelFile[] = []
  const errors: string[] = []
  for (const f of files) {
    const r = decodeFile(f.text, f.file)
    if (E.isLeft(r)) errors.push(...r.left.map(showManifestError))
    else decoded.push({ file: f.file, manifests: r.right.manifests, raws: r.right.documents })
  }
  if (errors.length > 0) throw new UserError(`the model does not decode:\n  ${errors.join("\n  ")}`)
  const manifests = decoded.flatMap((d) => d.manifests)
  const model = clusterFromManifests(manifests)
  if (E.isLeft(model)) throw new UserError(`the model cannot be built:\n  ${model.left.map(showModelError).join("\n  ")}`)
  const bySource = new Map<ManifestSource, Manifest>(manifests.map((m) => [m.source, m]))
  return {
    files: decoded,
    manifests,
    model: model.right,
    manifestAt: (s) => bySource.get(s),
    pods: model.right.units.filter((u) => u.unit._tag === "Pod"),
    vmis: model.right.units.filter((u) => u.unit._tag === "VMI"),
  }
}

/**
 * The user's cluster of a run, read on first use and kept in the context's state (so a step
 * run alone with `--only` reads it too).
 *
 * @since 0.1.0
 * @category constructors
 */
export const userCluster = (ctx: { readonly model: ReadonlyArray<ModelFile>; readonly state: { cluster?: UserCluster } }): UserCluster => {
  if (ctx.state.cluster === undefined) ctx.state.cluster = readUserCluster(ctx.model)
  return ctx.state.cluster
}

/**
 * `namespace` of a manifest (`default` when not given).
 *
 * @since 0.1.0
 * @category destructors
 */
export const namespaceOf = (m: Manifest): string => m.metadata?.namespace ?? "default"

/**
 * Up to `n` items shown, then `and k more`.
 *
 * @since 0.1.0
 * @category destructors
 */
export const someOf = (items: ReadonlyArray<string>, n = 3): string =>
  items.length <= n ? items.join(", ") : `${items.slice(0, n).join(", ")} and ${items.length - n} more`
