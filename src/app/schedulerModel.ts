import { modelFromDecoded, type ModelInput } from "../scheduler/adapters/fromManifests.ts"
import type { DecodedModelFile } from "./userCluster.ts"

/**
 * The scheduler's reading of the main job's decoded files (`modelFromDecoded`), computed once per
 * run: on 5,000 workloads it costs seconds, and several steps need it.
 *
 * @since 0.1.0
 */

const cache = new WeakMap<ReadonlyArray<DecodedModelFile>, ModelInput>()

/**
 * `modelFromDecoded(files)`, memoised on the files array (the one `userCluster` keeps).
 *
 * @since 0.1.0
 * @category steps
 */
export const schedulerModelOf = (files: ReadonlyArray<DecodedModelFile>): ModelInput => {
  let m = cache.get(files)
  if (m === undefined) {
    m = modelFromDecoded(files)
    cache.set(files, m)
  }
  return m
}
