import { writeFileSync } from "node:fs"
import { join } from "node:path"
import { seedFrontier, paretoFrontier } from "../decisions/index.ts"
import { buildLedger, ledgerMarkdown, tally } from "../ledger/Ledger.ts"
import { allClaims } from "../ledger/registry.ts"
import { scatterChart } from "../report/Chart.ts"
import { badge, figure, legend, paragraph, table } from "../report/Html.ts"
import { categoryStep } from "./categoryStep.ts"
import { lawsStep } from "./lawsStep.ts"
import { operationsStep } from "./operationsStep.ts"
import { scheduleStep } from "./scheduleStep.ts"
import { autoscalingStep } from "./autoscalingStep.ts"
import { markovStep } from "./markovStep.ts"
import { migrationStep, type MigrationFindings } from "./migrationStep.ts"
import { verifyStep } from "./verifyStep.ts"
import { userCluster, type UserCluster } from "./userCluster.ts"
import type { Manifest } from "../domain/manifest/index.ts"
import type { ModelFile } from "./model.ts"
import type { Step } from "./Step.ts"
import type { Verdict } from "../claims/Claim.ts"
import type { Profile } from "../scheduler/profile/Profile.ts"

/**
 * The steps of the main job, in order.
 *
 * @since 0.1.0
 */

/**
 * What steps compute for later steps. Each step adds its own optional fields (a step run alone
 * with `--only` computes what it needs itself, e.g. through {@link userCluster}).
 *
 * @since 0.1.0
 * @category model
 */
export interface State {
  claimsFile?: string
  /** The decoded input and its cluster model (the decode step, or the first step that needs it). */
  cluster?: UserCluster
  /** The decoded manifests (the same as `cluster.manifests`), set by the decode step. */
  manifests?: ReadonlyArray<Manifest>
  /** Live-migration estimates per VMI (the migration step), read by the model checking step. */
  migration?: MigrationFindings
}

/** What steps share. @since 0.1.0 @category model */
export interface Context {
  readonly model: ReadonlyArray<ModelFile>
  readonly seed: number
  readonly outDir: string
  readonly state: State
  /** The scheduler's profiles (a KubeSchedulerConfiguration's; default: kube-scheduler's default profile). */
  readonly scheduler?: SchedulerProfiles
}

/** The profile pods get by default and the configuration's other profiles, by `schedulerName`. @since 0.1.0 @category model */
export interface SchedulerProfiles {
  readonly profile: Profile
  readonly profiles: ReadonlyArray<Profile>
  /** The configuration file, when one was given. */
  readonly file?: string
}

const decode: Step<Context> = {
  name: "decode",
  run: (ctx, progress) => {
    const bytes = ctx.model.reduce((n, f) => n + f.text.length, 0)
    progress.start(`decoding ${ctx.model.length} file(s), ${(bytes / 2 ** 20).toFixed(1)} MiB`, 0)
    const { manifests, model } = userCluster(ctx)
    ctx.state.manifests = manifests
    progress.stop(`${manifests.length} objects, ${model.cluster.machines.length} nodes, ${model.units.length} scheduling units`)
    const kinds = new Map<string, number>()
    for (const m of manifests) {
      const kind = m.kind === "Unknown" ? `${m.declaredKind} (kept, not modelled)` : m.kind
      kinds.set(kind, (kinds.get(kind) ?? 0) + 1)
    }
    const unknown = manifests.flatMap((m) => m.unknownFields.map((f) => `${m.source.file}#${m.source.document} ${f}`))
    const rows = [...kinds].map(([k, n]) => [k, n] as const)
    const notModelled = new Map<string, number>()
    for (const n of model.notModelled) notModelled.set(`${n.kind}: ${n.reason}`, (notModelled.get(`${n.kind}: ${n.reason}`) ?? 0) + 1)
    return {
      summary: `${manifests.length} objects (${rows.map(([k, n]) => `${n} ${k}`).join(", ")})${unknown.length > 0 ? `; ${unknown.length} unknown fields kept` : ""}`,
      sections: [
        {
          id: "model",
          title: "Model",
          blocks: [
            paragraph(
              `${manifests.length} objects decoded from ${ctx.model.map((m) => m.file).join(", ")} with io-ts codecs; unknown fields are kept and listed, as Kubernetes keeps them. ` +
                `The cluster model has ${model.cluster.machines.length} node(s) and ${model.units.length} scheduling unit(s) (pods and VMIs, controllers expanded per replica).`,
            ),
            table(["kind", "count"], rows),
            ...(notModelled.size > 0 ? [table(["not part of the cluster category", "objects"], [...notModelled].map(([r, n]) => [r, n]))] : []),
            ...(unknown.length > 0 ? [table(["unknown field"], unknown.map((u) => [u]))] : []),
          ],
        },
      ],
      json: {
        kinds: Object.fromEntries(kinds),
        objects: manifests.map((m) => ({ kind: m.kind === "Unknown" ? m.declaredKind : m.kind, name: m.metadata?.name ?? null, namespace: m.metadata?.namespace ?? null })),
        nodes: model.cluster.machines.length,
        units: model.units.length,
        notModelled: model.notModelled.map((n) => ({ kind: n.kind, object: n.object, reason: n.reason })),
        unknownFields: unknown,
      },
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
      sections: [{ id: "decisions", title: "Decisions (S14)", blocks: [paragraph("The seed's runtime choices (S14) are about the analysis, not about the cluster given to `run`: this section is the same for every model."), figure(svg, "The seed's frontier points; a dominated point is not on the frontier.")] }],
      json: f,
      failures: [],
    }
  },
}

/**
 * The ledger's scope, said once in the report and in `claims.md`.
 *
 * @since 0.1.0
 * @category constants
 */
export const ledgerScope = "This ledger is about the seed's analysis, not about the cluster given to `run`: it is the same for every model."

/**
 * What each verdict of the ledger means, for the report's legend.
 *
 * @since 0.1.0
 * @category constants
 */
export const verdictMeanings: ReadonlyArray<readonly [Verdict, string]> = [
  ["holds", "checked and true as stated"],
  ["fails", "checked and false: the evidence has a counterexample"],
  ["ill-typed", "the statement does not typecheck as written (a corrected form is checked)"],
  ["inconsistent", "contradicts another claim or Kubernetes' own behaviour"],
  ["underdetermined", "the seed does not fix enough to decide"],
  ["modelled", "a definition the code implements, nothing to decide"],
]

const ledger: Step<Context> = {
  name: "ledger",
  run: async (ctx, progress) => {
    progress.start("claims ledger", allClaims.length)
    const l = await buildLedger(allClaims, (done, _total, id) => progress.update(done, id))
    const t = tally(l)
    const file = join(ctx.outDir, "claims.md")
    writeFileSync(file, ledgerMarkdown(l, ledgerScope))
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
            paragraph(`${ledgerScope} ${summary}.`),
            legend(verdictMeanings),
            table(["ID", "verdict", "summary (computed by)"], l.claims.map((c) => [c.id, badge(c.verdict), `${c.summary} (${c.source.split("; ").map((s) => `\`${s}\``).join(", ")})`]), { stack: true }),
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
