/** Builds an operations inventory from fixture paths, as the CLI does. */
import { join } from "node:path"
import { decodeFiles, readModelFiles } from "../../src/cli/input.ts"
import { baseline, inventory, type ClusterState, type Inventory } from "../../src/operations/index.ts"
import { modelFromFiles } from "../../src/scheduler/index.ts"
import type { Manifest } from "../../src/domain/manifest/index.ts"

export const fixtures = join(import.meta.dirname, "..", "fixtures", "operations")
export const small = [join(fixtures, "small", "nodes.yaml"), join(fixtures, "small", "workloads")]

export const load = (...paths: string[]): { readonly inv: Inventory; readonly state: ClusterState; readonly manifests: ReadonlyArray<Manifest> } => {
  const files = readModelFiles(paths)
  const manifests = decodeFiles(files)
  const { nodes, workload } = modelFromFiles(files)
  const inv = inventory(nodes, workload, manifests)
  return { inv, state: baseline(inv), manifests }
}
