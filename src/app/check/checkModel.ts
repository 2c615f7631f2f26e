import * as E from "fp-ts/lib/Either.js"
import type { FinCatOptions } from "../../category/fincat/FinCat.ts"
import { decodeManifests } from "../../domain/manifest/decode.ts"
import type { Manifest } from "../../domain/manifest/Manifest.ts"
import { showManifestError } from "../../domain/manifest/ManifestError.ts"
import { clusterFromManifests, type ClusterModel } from "../../domain/model/clusterFromManifests.ts"
import { showModelError } from "../../domain/model/ModelError.ts"
import type { CheckOptions } from "../../laws/Check.ts"
import { exhaustive } from "../../laws/Carrier.ts"
import { law } from "../../laws/Law.ts"
import { bind, runSuite, suite } from "../../laws/Suite.ts"
import type { ModelFile } from "../model.ts"
import { capacitySuite } from "./capacitySuite.ts"
import { exitCodeOf, type CheckOutcome, type CheckReport, type SuiteReport } from "./CheckReport.ts"
import { fitSuite } from "./fitSuite.ts"
import { manifestSuite } from "./manifestSuite.ts"
import { footprintSuite, residualNotes, squareResiduals } from "./footprintSuite.ts"
import { presentationSuite, readPresentationFile, type PresentationFile } from "./presentationSuite.ts"
import { resourceSuite } from "./resourceSuite.ts"

/**
 * `catcluster check` as a function: the law checks a user's CI runs on their own manifests and
 * category presentations. Every suite is exhaustive over the user's finite objects (their
 * containers, pods, VMIs, nodes, arrows), so a law that holds has been checked on every case,
 * and a law that fails names each case that breaks it.
 *
 * @since 0.1.0
 */

/** Options of `checkModel`: presentation files to check, law-check options and completion bounds. @since 0.1.0 @category model */
export interface CheckModelOptions {
  /** Presentation files (YAML/JSON) to check as finite categories. */
  readonly presentations?: ReadonlyArray<ModelFile>
  /** Options of the law checks (failing cases kept). */
  readonly laws?: CheckOptions
  /** Bounds of completion and enumeration for presentations. */
  readonly finCat?: FinCatOptions
}

/**
 * Checks a model: manifests decode (else exit 2 with every error) and none is dropped, resources (S2.2), Φ and Ψ
 * fit (S1.2), σ respects capacity for the given placements, the footprint functor's laws with
 * the S1.4 residual per VMI as notes, and each presentation as a finite category.
 *
 * @example
 * import { readFileSync } from "node:fs"
 * import { checkModel } from "catcluster/app/check"
 * const outcome = checkModel([{ file: "cluster.yaml", text: readFileSync("cluster.yaml", "utf8") }])
 * // outcome._tag === "Checked" && outcome.report.exitCode === 0
 *
 * @since 0.1.0
 * @category checking
 */
export const checkModel = (files: ReadonlyArray<ModelFile>, options: CheckModelOptions = {}): CheckOutcome => {
  const errors: string[] = []
  const manifests: Manifest[] = []
  for (const f of files) {
    const r = decodeManifests(f.text, f.file)
    if (E.isLeft(r)) errors.push(...r.left.map(showManifestError))
    else manifests.push(...r.right)
  }
  const presentations: PresentationFile[] = []
  for (const f of options.presentations ?? []) {
    const r = readPresentationFile(f.file, f.text)
    if (E.isLeft(r)) errors.push(r.left)
    else presentations.push(r.right)
  }
  // files that hold nothing would let every law pass vacuously: that is a mistake, not a pass
  if (files.length > 0 && manifests.length === 0) errors.push(`no objects in ${files.map((f) => f.file).join(", ")}: nothing to check`)
  if (errors.length > 0) return { _tag: "BadInput", errors, exitCode: 2 }
  const model = clusterFromManifests(manifests)
  if (E.isLeft(model)) return { _tag: "BadInput", errors: model.left.map(showModelError), exitCode: 2 }
  return { _tag: "Checked", report: checkDecoded(files, manifests, model.right, { ...options, presentationFiles: presentations }) }
}

/**
 * The suites of {@link checkModel} on files already decoded and modelled (the main job decodes
 * once and shares the result between its steps).
 *
 * @since 0.1.0
 * @category checking
 */
export const checkDecoded = (
  files: ReadonlyArray<ModelFile>,
  manifests: ReadonlyArray<Manifest>,
  m: ClusterModel,
  options: Omit<CheckModelOptions, "presentations"> & { readonly presentationFiles?: ReadonlyArray<PresentationFile> } = {},
): CheckReport => {
  const run = (s: Parameters<typeof runSuite>[0], notes: ReadonlyArray<string> = []): SuiteReport => ({ verdict: runSuite(s, options.laws), notes })
  const suites: SuiteReport[] = []
  if (files.length > 0) {
    suites.push(
      run(manifestSuite(files, manifests, m), [`${m.cluster.machines.length} node(s), ${m.units.length} scheduling unit(s), ${m.placement.size} placement(s) given`]),
      run(resourceSuite(manifests)),
      run(fitSuite(m)),
      run(capacitySuite(m)),
      run(footprintSuite(m, manifests), residualNotes(squareResiduals(m))),
    )
  }
  for (const p of options.presentationFiles ?? []) suites.push(run(presentationSuite(p, options.finCat)))
  return { suites, notModelled: m.notModelled, exitCode: exitCodeOf(suites) }
}
