import type { Manifest } from "../../domain/manifest/Manifest.ts"
import type { ClusterModel } from "../../domain/model/clusterFromManifests.ts"
import { exhaustive } from "../../laws/Carrier.ts"
import { law } from "../../laws/Law.ts"
import { bind, suite, type Suite } from "../../laws/Suite.ts"
import type { ModelFile } from "../model.ts"
import { noneFound } from "./Shortfall.ts"

/**
 * The manifests suite: nothing is dropped silently. Every manifest decoded from a file is a
 * machine, the origin of a scheduling unit, or listed as not modelled (with its reason).
 *
 * @example
 * import { manifestSuite } from "catcluster/app/check"
 * // runSuite(manifestSuite(files, manifests, model)) → manifests.accounted (exhaustive, 2 cases)
 *
 * @since 0.1.0
 * @category suites
 */
export const manifestSuite = (files: ReadonlyArray<ModelFile>, manifests: ReadonlyArray<Manifest>, model: ClusterModel): Suite => {
  const accounted = new Set<object>([...model.machines.map((m) => m.source), ...model.units.map((u) => u.origin.source), ...model.notModelled.map((n) => n.source)])
  // grouped once: a filter over every manifest per file is quadratic in the number of files
  const byFile = new Map<string, Manifest[]>()
  for (const m of manifests) {
    const own = byFile.get(m.source.file)
    if (own === undefined) byFile.set(m.source.file, [m])
    else own.push(m)
  }
  return suite("manifests", `${files.length} file(s), ${manifests.length} manifest(s)`, [
    bind(
      law("manifests.accounted", "every decoded manifest is a node, a unit's origin, or listed as not modelled", (f: ModelFile) => {
        const own = byFile.get(f.file) ?? []
        return { lhs: own.filter((m) => !accounted.has(m.source)).map((m) => `document ${m.source.document}${m.source.item === undefined ? "" : `, items[${m.source.item}]`}: ${m.kind === "Unknown" ? m.declaredKind : m.kind} ${m.metadata?.name ?? ""}`), rhs: [] }
      }),
      exhaustive(() => files, (f) => f.file),
      noneFound((lost: ReadonlyArray<string>) => `dropped without a reason: ${lost.join("; ")}`),
    ),
  ])
}
