import { describeOutcome, migrationDefaults, simulateMigration, type MigrationOutcome } from "../dynamics/migration/PreCopy.ts"
import {
  clusterEvictionStrategy,
  effectiveEvictionStrategy,
  liveMigratable,
  migratesOnDrain,
  migrationContext,
  migrationSettingsFor,
  type EffectiveStrategy,
  type MigrationSettings,
} from "../domain/kubevirt/migrationSettings.ts"
import type { ManifestOf } from "../domain/manifest/Manifest.ts"
import { vmiTemplateOf } from "../domain/model/templates.ts"
import { lineChart } from "../report/Chart.ts"
import { figure, paragraph, table, type Block } from "../report/Html.ts"
import type { Step } from "./Step.ts"
import type { Context } from "./steps.ts"
import { namespaceOf, someOf, userCluster, type UserCluster } from "./userCluster.ts"

/**
 * S13 on the user's cluster: what a node drain does to each VMI (live-migrated, refused,
 * shut down, or left to an external controller, from its effective eviction strategy and
 * whether it can migrate), and for each VMI that live-migrates, KubeVirt v1.9's pre-copy
 * estimate from its guest memory and the migration settings that apply to it (defaults, the
 * KubeVirt CR, the MigrationPolicy that selects it), whether it converges at an assumed dirty
 * rate, and up to which dirty rate it does.
 *
 * No manifest carries the guest's dirty rate, nor the migration network's speed when KubeVirt's
 * bandwidth is unlimited (its default): both are assumptions, stated in the report.
 *
 * @since 0.1.0
 */

/** Assumed guest dirty rate, MiB/s (the seed's S13 example). @since 0.1.0 @category constants */
export const ASSUMED_DIRTY_RATE_MIBPS = 256

/** Assumed migration link when KubeVirt's bandwidth is unlimited: 1024 MiB/s ≈ 8.6 Gbit/s, a 10 GbE link. @since 0.1.0 @category constants */
export const ASSUMED_LINK_MIBPS = 1024

/** The dirty rates of the sweep, MiB/s. @since 0.1.0 @category constants */
export const SWEPT_DIRTY_RATES: ReadonlyArray<number> = [64, 128, 256, 512, 1024, 2048]

/** What a drain does to a VMI. @since 0.1.0 @category model */
export type DrainAction = "live-migrated" | "eviction refused (not migratable)" | "shut down" | "left to an external controller"

/** One workload's VMIs (a VMI, a VM, or a pool's replicas) and what a drain does to them. @since 0.1.0 @category model */
export interface DrainRow {
  readonly workload: string
  readonly vmis: number
  readonly strategy: EffectiveStrategy
  readonly migratable: boolean
  readonly reason: string | undefined
  readonly action: DrainAction
  readonly memoryMiB: number
  readonly settings: MigrationSettings
  readonly assumptions: ReadonlyArray<string>
}

/** The pre-copy estimate for one set of migration parameters (workloads sharing them share it). @since 0.1.0 @category model */
export interface MigrationEstimate {
  readonly workloads: ReadonlyArray<string>
  readonly vmis: number
  readonly memoryMiB: number
  readonly bandwidthMiBps: number
  /** True when the bandwidth is the assumed link, not a setting. */
  readonly bandwidthAssumed: boolean
  readonly settings: MigrationSettings
  readonly outcome: string
  /** Completes without pausing the guest or falling back to post-copy, at the assumed dirty rate. */
  readonly converges: boolean
  /** The highest dirty rate (MiB/s) at which pre-copy still converges. */
  readonly maxDirtyRateMiBps: number
  readonly sweep: ReadonlyArray<{ readonly dirtyRateMiBps: number; readonly converges: boolean; readonly outcome: string }>
  readonly totalSeconds: number | null
  readonly downtimeSeconds: number | null
}

/** What the migration step found, for later steps. @since 0.1.0 @category model */
export interface MigrationFindings {
  readonly assumedDirtyRateMiBps: number
  readonly drain: ReadonlyArray<DrainRow>
  readonly estimates: ReadonlyArray<MigrationEstimate>
}

const MiB = 2 ** 20

const actionOf = (strategy: string, migratable: boolean): DrainAction =>
  migratesOnDrain(strategy, migratable)
    ? "live-migrated"
    : strategy === "LiveMigrate"
      ? "eviction refused (not migratable)"
      : strategy === "External"
        ? "left to an external controller"
        : "shut down"

/**
 * What a drain does to each VMI workload of the cluster.
 *
 * @since 0.1.0
 * @category destructors
 */
export const drainRows = (uc: UserCluster): ReadonlyArray<DrainRow> => {
  const cluster = clusterEvictionStrategy(uc.manifests)
  const context = migrationContext(uc.manifests)
  const claims = uc.manifests.filter((m): m is ManifestOf<"PersistentVolumeClaim"> => m.kind === "PersistentVolumeClaim")
  const groups = new Map<string, DrainRow>()
  for (const u of uc.vmis) {
    if (u.unit._tag !== "VMI") continue
    const key = `${u.origin.kind} ${u.origin.object}`
    const seen = groups.get(key)
    if (seen !== undefined) {
      groups.set(key, { ...seen, vmis: seen.vmis + 1 })
      continue
    }
    const m = uc.manifestAt(u.origin.source)
    const t = m === undefined ? undefined : vmiTemplateOf(m)
    if (m === undefined || t === undefined) continue
    const ns = namespaceOf(m)
    const strategy = effectiveEvictionStrategy(t.spec, cluster)
    const vmi = u.unit.vm.spec
    const can = liveMigratable(vmi, t.spec, ns, claims)
    const memory = vmi.memoryGuest ?? vmi.requests["memory"] ?? 0n
    groups.set(key, {
      workload: key,
      vmis: 1,
      strategy,
      migratable: can.migratable,
      reason: can.reason,
      action: actionOf(strategy.strategy, can.migratable),
      memoryMiB: Number(memory) / MiB,
      settings: migrationSettingsFor(context, t.labels, ns),
      assumptions: can.assumptions,
    })
  }
  return [...groups.values()]
}

const converged = (o: MigrationOutcome): boolean => o._tag === "Completed" && !o.forcedPause

/**
 * The pre-copy run for a workload's parameters at one dirty rate, and its one-line outcome
 * (with post-copy allowed, a completion timeout switches to post-copy instead of aborting).
 */
const run = (memoryMiB: number, bandwidth: number, s: MigrationSettings, dirtyRate: number): { readonly outcome: MigrationOutcome; readonly line: string } => {
  const outcome = simulateMigration({
    memoryMiB,
    bandwidthMiBps: bandwidth,
    dirtyRateMiBps: dirtyRate,
    completionTimeoutPerGiB: s.completionTimeoutPerGiB,
    progressTimeout: s.progressTimeout,
    allowAutoConverge: s.allowAutoConverge,
    allowWorkloadDisruption: s.allowWorkloadDisruption,
  })
  const line =
    outcome._tag === "Aborted" && outcome.reason === "completion-timeout" && s.allowPostCopy
      ? `pre-copy hits the completion timeout at ${outcome.abortedAt.toFixed(1)} s; post-copy is allowed, so KubeVirt switches to post-copy and the migration completes (the guest runs on the target while pages are pulled)`
      : describeOutcome(outcome)
  return { outcome, line }
}

/** The highest dirty rate that still converges (bisection; convergence falls with the rate). */
const maxConverging = (memoryMiB: number, bandwidth: number, s: MigrationSettings): number => {
  let lo = 0
  let hi = s.allowAutoConverge ? 100 * bandwidth : bandwidth
  if (converged(run(memoryMiB, bandwidth, s, hi).outcome)) return hi
  for (let i = 0; i < 24 && hi - lo > 0.5; i++) {
    const mid = (lo + hi) / 2
    if (converged(run(memoryMiB, bandwidth, s, mid).outcome)) lo = mid
    else hi = mid
  }
  return Math.floor(lo)
}

/**
 * The dirty rates drawn for one estimate: the assumed rate, half and three quarters of the link,
 * the highest rate that converges and the link's own speed (where nothing converges without
 * throttling), at most one line each.
 */
const drawnRates = (e: MigrationEstimate): ReadonlyArray<number> => {
  const b = e.bandwidthMiBps
  const candidates = [ASSUMED_DIRTY_RATE_MIBPS, Math.round(b / 2), Math.round((3 * b) / 4), e.maxDirtyRateMiBps, ...(e.maxDirtyRateMiBps < b ? [b] : [])]
  return [...new Set(candidates.filter((r) => r > 0))].sort((x, y) => x - y)
}

/** Data left to send against time, one line per drawn dirty rate, with the stop-and-copy threshold. */
const precopyChart = (e: MigrationEstimate): Promise<string> => {
  const rows: Array<{ t: number; MiB: number; rate: string }> = []
  const order: string[] = []
  for (const rate of drawnRates(e)) {
    const { outcome } = run(e.memoryMiB, e.bandwidthMiBps, e.settings, rate)
    const end = outcome._tag === "Completed" ? `converges, ${outcome.rounds} rounds` : `aborts (${outcome.reason})`
    const label = `${rate} MiB/s: ${end}`
    order.push(label)
    for (const r of outcome.roundLog) rows.push({ t: round2(r.start), MiB: round2(r.sentMiB), rate: label })
    const last = outcome.roundLog.at(-1)
    if (last !== undefined) {
      const t = outcome._tag === "Completed" ? last.start + last.seconds : outcome.abortedAt
      rows.push({ t: round2(t), MiB: round2(outcome._tag === "Completed" ? last.dirtiedMiB : last.sentMiB), rate: label })
    }
  }
  const threshold = (e.bandwidthMiBps * migrationDefaults.downtimeLimitMs) / 1000
  return lineChart(`S13.1 pre-copy: data left to send, per dirty rate`, rows, {
    x: "t",
    y: "MiB",
    series: "rate",
    seriesOrder: order,
    seriesTitle: "guest dirty rate",
    xTitle: "seconds since the migration started (symmetric log scale)",
    xScale: "symlog",
    xTicks: [0, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000].filter((t) => t <= Math.max(...rows.map((r) => r.t)) * 1.2),
    yTitle: "MiB left to send",
    rule: { y: threshold, label: `stop-and-copy below ${threshold.toFixed(0)} MiB` },
  })
}

const round2 = (x: number): number => Math.round(x * 100) / 100

/**
 * The pre-copy estimates for the workloads a drain live-migrates, one per distinct parameter
 * set.
 *
 * @since 0.1.0
 * @category destructors
 */
export const migrationEstimates = (rows: ReadonlyArray<DrainRow>, dirtyRate = ASSUMED_DIRTY_RATE_MIBPS): ReadonlyArray<MigrationEstimate> => {
  const groups = new Map<string, { rows: DrainRow[] }>()
  for (const r of rows) {
    if (r.action !== "live-migrated" || r.memoryMiB <= 0) continue
    const s = r.settings
    const key = JSON.stringify([r.memoryMiB, s.bandwidthMiBps ?? null, s.completionTimeoutPerGiB, s.progressTimeout, s.allowAutoConverge, s.allowPostCopy, s.allowWorkloadDisruption])
    const g = groups.get(key) ?? { rows: [] }
    g.rows.push(r)
    groups.set(key, g)
  }
  return [...groups.values()]
    .map(({ rows: rs }) => {
      const r = rs[0]!
      const s = r.settings
      const bandwidth = s.bandwidthMiBps ?? ASSUMED_LINK_MIBPS
      const at = run(r.memoryMiB, bandwidth, s, dirtyRate)
      const o = at.outcome
      return {
        workloads: rs.map((x) => x.workload),
        vmis: rs.reduce((n, x) => n + x.vmis, 0),
        memoryMiB: r.memoryMiB,
        bandwidthMiBps: bandwidth,
        bandwidthAssumed: s.bandwidthMiBps === undefined,
        settings: s,
        outcome: at.line,
        converges: converged(o),
        maxDirtyRateMiBps: maxConverging(r.memoryMiB, bandwidth, s),
        sweep: SWEPT_DIRTY_RATES.map((d) => {
          const x = run(r.memoryMiB, bandwidth, s, d)
          return { dirtyRateMiBps: d, converges: converged(x.outcome), outcome: x.line }
        }),
        totalSeconds: o._tag === "Completed" ? o.totalSeconds : null,
        downtimeSeconds: o._tag === "Completed" ? o.downtimeSeconds : null,
      }
    })
    .sort((a, b) => b.memoryMiB - a.memoryMiB)
}

const MAX_ROWS = 60

/** S13: what a drain does to the cluster's VMIs, and the pre-copy estimate of each live migration. @since 0.1.0 @category steps */
export const migrationStep: Step<Context> = {
  name: "migration",
  run: async (ctx) => {
    const uc = userCluster(ctx)
    const drain = drainRows(uc)
    const estimates = migrationEstimates(drain)
    ctx.state.migration = { assumedDirtyRateMiBps: ASSUMED_DIRTY_RATE_MIBPS, drain, estimates }
    const cluster = clusterEvictionStrategy(uc.manifests)
    const json = { assumedDirtyRateMiBps: ASSUMED_DIRTY_RATE_MIBPS, assumedLinkMiBps: ASSUMED_LINK_MIBPS, clusterStrategy: cluster, drain, estimates }
    if (uc.vmis.length === 0) {
      return {
        summary: "no VMI in the input: nothing to migrate",
        sections: [{ id: "migration", title: "Live migration (S13)", blocks: [paragraph("The input has no VMI (nor a running VM or VM pool): nothing to live-migrate.")] }],
        json,
        failures: [],
      }
    }
    const byAction = new Map<DrainAction, DrainRow[]>()
    for (const r of drain) byAction.set(r.action, [...(byAction.get(r.action) ?? []), r])
    const actionRows = [...byAction].map(([action, rs]) => [action, rs.reduce((n, r) => n + r.vmis, 0), someOf(rs.map((r) => `${r.workload}${r.reason === undefined ? "" : ` (${r.reason})`}`))])
    const migrated = estimates.reduce((n, e) => n + e.vmis, 0)
    const diverging = estimates.filter((e) => !e.converges)
    const blocks: Block[] = [
      paragraph(
        `Cluster-wide eviction strategy: ${cluster.strategy} (${cluster.from}). A VMI's own evictionStrategy wins over it. ` +
          `What a node drain does to the ${uc.vmis.length} VMI(s):`,
      ),
      table(["on a drain", "VMIs", "workloads"], actionRows),
    ]
    const noMemory = drain.filter((r) => r.action === "live-migrated" && r.memoryMiB <= 0).map((r) => r.workload)
    if (noMemory.length > 0) blocks.push(paragraph(`No pre-copy estimate for ${someOf(noMemory)}: the VMI gives no guest memory (neither memory.guest nor a memory request).`))
    if (estimates.length === 0) {
      if (noMemory.length === 0) blocks.push(paragraph("No VMI live-migrates on a drain, so there is no pre-copy to estimate."))
    } else {
      const first = estimates[0]!
      const svg = await precopyChart(first)
      blocks.push(
        paragraph(
          `Pre-copy as QEMU runs it under KubeVirt v1.9 (completion timeout per GiB, progress timeout, 300 ms downtime limit; auto-converge, post-copy and workload disruption as the settings say). ` +
            `Assumed (no manifest carries them): the guest dirties ${ASSUMED_DIRTY_RATE_MIBPS} MiB/s; where KubeVirt's bandwidth is unlimited (its default) the migration link carries ${ASSUMED_LINK_MIBPS} MiB/s. ` +
            `The last column sweeps the dirty rate: the highest rate at which pre-copy still converges.` +
            (estimates.length > MAX_ROWS ? ` The largest ${MAX_ROWS} of ${estimates.length} parameter sets; report.json has all.` : ""),
        ),
        table(
          ["workloads", "VMIs", "memory", "bandwidth", "settings", `at ${ASSUMED_DIRTY_RATE_MIBPS} MiB/s dirty`, "converges up to"],
          estimates.slice(0, MAX_ROWS).map((e) => [
            someOf(e.workloads),
            e.vmis,
            `${e.memoryMiB} MiB`,
            `${e.bandwidthMiBps} MiB/s${e.bandwidthAssumed ? " (assumed link)" : ""}`,
            `${e.settings.completionTimeoutPerGiB} s/GiB, progress ${e.settings.progressTimeout} s${e.settings.allowAutoConverge ? ", auto-converge" : ""}${e.settings.allowPostCopy ? ", post-copy" : ""}${e.settings.allowWorkloadDisruption ? ", workload disruption" : ""}${e.settings.sources.length > 0 ? ` (${e.settings.sources.join(", ")})` : ""}`,
            e.outcome,
            `${e.maxDirtyRateMiBps} MiB/s`,
          ]),
        ),
        table(
          ["memory, bandwidth", ...SWEPT_DIRTY_RATES.map((d) => `${d} MiB/s`)],
          estimates.slice(0, MAX_ROWS).map((e) => [`${e.memoryMiB} MiB, ${e.bandwidthMiBps} MiB/s`, ...e.sweep.map((s) => (s.converges ? "converges" : "does not converge"))]),
        ),
        figure(
          svg,
          `Pre-copy of the largest VMI that live-migrates (${first.workloads[0]}: ${first.memoryMiB} MiB over ${first.bandwidthMiBps} MiB/s) at several dirty rates: each round resends what the guest dirtied during the previous one, and stop-and-copy starts once the rest fits the ${migrationDefaults.downtimeLimitMs} ms downtime limit (dashed). Near the link's speed the rounds barely shrink; at it, pre-copy never converges.`,
        ),
      )
    }
    const summary =
      `${uc.vmis.length} VMI(s): ${[...byAction].map(([a, rs]) => `${rs.reduce((n, r) => n + r.vmis, 0)} ${a}`).join(", ")}` +
      (estimates.length > 0 ? `; at ${ASSUMED_DIRTY_RATE_MIBPS} MiB/s dirty ${migrated - diverging.reduce((n, e) => n + e.vmis, 0)} of ${migrated} converge; largest ${estimates[0]!.memoryMiB} MiB converges up to ${estimates[0]!.maxDirtyRateMiBps} MiB/s` : "")
    return { summary, sections: [{ id: "migration", title: "Live migration (S13)", blocks }], json, failures: [] }
  },
}
