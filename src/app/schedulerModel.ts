import { modelFromFiles, type ModelInput } from "../scheduler/adapters/fromManifests.ts"
import type { ModelFile } from "./model.ts"

/**
 * The scheduler's reading of the main job's model files, computed once per model: on a dump of
 * 5,000 workloads `modelFromFiles` costs seconds, and several steps need it.
 *
 * @since 0.1.0
 */

const cache = new WeakMap<ReadonlyArray<ModelFile>, ModelInput>()

/**
 * `modelFromFiles(model)`, memoised on the model array.
 *
 * @since 0.1.0
 * @category steps
 */
export const schedulerModelOf = (model: ReadonlyArray<ModelFile>): ModelInput => {
  let m = cache.get(model)
  if (m === undefined) {
    m = modelFromFiles(model)
    cache.set(model, m)
  }
  return m
}
