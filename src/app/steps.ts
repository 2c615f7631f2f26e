import { writeFileSync } from "node:fs"
import { join } from "node:path"
import * as E from "fp-ts/lib/Either.js"
import { UserError } from "../cli/UserError.ts"
import { decodeManifests, showManifestError, type Manifest } from "../domain/manifest/index.ts"
import { seedFrontier, paretoFrontier } from "../decisions/index.ts"
import { buildLedger, ledgerMarkdown, tally } from "../ledger/Ledger.ts"
import { allClaims } from "../ledger/registry.ts"
import { scatterChart } from "../report/Chart.ts"
import { figure, paragraph, table } from "../report/Html.ts"
import { categoryStep } from "./categoryStep.ts"
import { lawsStep } from "./lawsStep.ts"
import { operationsStep } from "./operationsStep.ts"
import { scheduleStep } from "./scheduleStep.ts"
import { autoscalingStep, markovStep, migrationStep, verifyStep } from "./dynamicsSteps.ts"
import type { ModelFile } from "./model.ts"
import type { Step } from "./Step.ts"

/**
 * The steps of the main job, in order.
 *
 * @since 0.1.0
 */

/** What steps share. @since 0.1.0 @category model */
export interface Context {
  readonly model: ReadonlyArray<ModelFile>
  readonly seed: number
  readonly outDir: string
  readonly state: { claimsFile?: string; manifests?: ReadonlyArray<Manifest> }
}

const decode: Step<Context> = {
  name: "decode",
  run: (ctx) => {
    const manifests: Manifest[] = []
    const errors: string[] = []
    for (const m of ctx.model) {
      const r = decodeManifests(m.text, m.file)
      if (E.isLeft(r)) errors.push(...r.left.map(showManifestError))
      else manifests.push(...r.right)
    }
    // A user's mistake stops the job with every problem named (file, line, JSON path).
    if (errors.length > 0) throw new UserError(`the model does not decode:\n  ${errors.join("\n  ")}`)
    ctx.state.manifests = manifests
    const kinds = new Map<string, number>()
    for (const m of manifests) {
      const kind = m.kind === "Unknown" ? `${(m as { declaredKind?: string }).declaredKind ?? "?"} (kept, not modelled)` : m.kind
      kinds.set(kind, (kinds.get(kind) ?? 0) + 1)
    }
    const unknown = manifests.flatMap((m) => m.unknownFields.map((f) => `${m.source.file}#${m.source.document} ${f}`))
    const rows = [...kinds].map(([k, n]) => [k, n] as const)
    return {
      summary: `${manifests.length} objects (${rows.map(([k, n]) => `${n} ${k}`).join(", ")})${unknown.length > 0 ? `; ${unknown.length} unknown fields kept` : ""}`,
      sections: [
        {
          id: "model",
          title: "Model",
          blocks: [
            paragraph(`${manifests.length} objects decoded from ${ctx.model.map((m) => m.file).join(", ")} with io-ts codecs; unknown fields are kept and listed, as Kubernetes keeps them.`),
            table(["kind", "count"], rows),
            ...(unknown.length > 0 ? [table(["unknown field"], unknown.map((u) => [u]))] : []),
          ],
        },
      ],
      json: { kinds: Object.fromEntries(kinds), unknownFields: unknown },
      failures: [],
    }
  },
}

const decisions: Step<Context> = {
  name: "decisions",
  run: async () => {
    const f = paretoFrontier(seedFrontier)
    const rows = seedFrontier.map((c) => ({
      name: c.name,
      isolation: c.objectives[0]!,
      performance: c.objectives[1]!,
      status: f.frontier.includes(c.name) ? "frontier" : "dominated",
    }))
    const svg = await scatterChart("S14.3 Pareto frontier (isolation, performance)", rows, { x: "isolation", y: "performance", label: "name", colour: "status" })
    return {
      summary: `Pareto frontier: ${f.frontier.length} of ${seedFrontier.length} points; dominated: ${f.dominated.map((d) => d.name).join(", ") || "none"}`,
      sections: [{ id: "decisions", title: "Decisions (S14)", blocks: [figure(svg, "The seed's frontier points; a dominated point is not on the frontier.")] }],
      json: f,
      failures: [],
    }
  },
}

const ledger: Step<Context> = {
  name: "ledger",
  run: async (ctx, progress) => {
    progress.start("claims ledger", allClaims.length)
    const l = await buildLedger(allClaims, (done, _total, id) => progress.update(done, id))
    const t = tally(l)
    const file = join(ctx.outDir, "claims.md")
    writeFileSync(file, ledgerMarkdown(l))
    ctx.state.claimsFile = file
    const summary = `${l.claims.length} claims: ${Object.entries(t).filter(([, n]) => n > 0).map(([k, n]) => `${n} ${k}`).join(", ")}${l.missing.length > 0 ? `; ${l.missing.length} without a check` : ""}`
    progress.stop(summary)
    return {
      summary,
      sections: [
        {
          id: "claims",
          title: "Claims ledger",
          blocks: [
            paragraph(summary),
            table(["ID", "verdict", "summary", "computed by"], l.claims.map((c) => [c.id, c.verdict, c.summary, c.source])),
          ],
        },
      ],
      json: { tally: t, missing: l.missing, errors: l.errors },
      failures: l.errors.map((e) => `claim check ${e.id} (${e.source}) threw: ${e.message}`),
    }
  },
}

/** Every step, in run order. @since 0.1.0 @category constants */
export const steps: ReadonlyArray<Step<Context>> = [decode, categoryStep, lawsStep, scheduleStep, operationsStep, markovStep, autoscalingStep, migrationStep, verifyStep, decisions, ledger]
