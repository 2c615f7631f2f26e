import { containerHealth, healthStates, vmHealth, type HealthVariant } from "../dynamics/markov/Health.ts"
import { add, mul, parse, show as showRational, sub, toNumber, ONE, type Rational } from "../dynamics/markov/Rational.ts"
import { stationaryExact } from "../dynamics/markov/Stationary.ts"
import type { ModelledUnit } from "../domain/model/clusterFromManifests.ts"
import { mapSelectorMatches, unitLabelsOf } from "../domain/model/templates.ts"
import { barChart } from "../report/Chart.ts"
import { figure, paragraph, table } from "../report/Html.ts"
import type { Step } from "./Step.ts"
import type { Context } from "./steps.ts"
import { namespaceOf, userCluster, type UserCluster } from "./userCluster.ts"

/**
 * S7.4 on the user's cluster: the backend health chain of each runtime present (containers for
 * pods, the VM variant for VMIs; both are the seed's chain with its Starting row changed), and
 * for each Service the expected number of healthy backends and the chance that none is healthy,
 * from the backends its selector picks in the input (independent backends, stationary regime).
 *
 * @since 0.1.0
 */

/** One Service's backends and what the chains say about them. @since 0.1.0 @category model */
export interface ServiceHealthRow {
  readonly service: string
  readonly containers: number
  readonly vms: number
  /** E[healthy backends], exact. */
  readonly expectedHealthy: string
  /** P(no backend healthy) = Π (1 − π_H), as a number. */
  readonly noneHealthy: number
}

/** A Service the chains say nothing about, and why. @since 0.1.0 @category model */
export interface ServiceNote {
  readonly service: string
  readonly note: string
}

/** π_H and 1 − π_H of a chain's live closed class. */
const healthy = (v: HealthVariant): Rational => stationaryExact(v.chain).extremePoints[0]![0]!

const powNumber = (r: Rational, n: number): number => Math.pow(toNumber(r), n)

/**
 * Each Service's backends by runtime (units of the same namespace whose labels its selector
 * matches) and the health chains' answer for them.
 *
 * @since 0.1.0
 * @category destructors
 */
export const serviceHealth = (uc: UserCluster): ReadonlyArray<ServiceHealthRow | ServiceNote> => {
  const hc = healthy(containerHealth)
  const hv = healthy(vmHealth)
  const labelled = uc.model.units.map((u) => {
    const m = uc.manifestAt(u.origin.source)
    return { u, labels: m === undefined ? {} : (unitLabelsOf(m) ?? {}), namespace: m === undefined ? "default" : namespaceOf(m) }
  })
  return uc.manifests.flatMap((m): ReadonlyArray<ServiceHealthRow | ServiceNote> => {
    if (m.kind !== "Service") return []
    const name = `${namespaceOf(m)}/${m.metadata?.name ?? "<unnamed>"}`
    const selector = m.spec?.selector
    if (selector === undefined || Object.keys(selector).length === 0) return [{ service: name, note: "no selector: its endpoints are managed by hand, not modelled" }]
    const backends: ModelledUnit[] = labelled.filter((x) => x.namespace === namespaceOf(m) && mapSelectorMatches(selector, x.labels)).map((x) => x.u)
    if (backends.length === 0) return [{ service: name, note: "its selector matches no pod or VMI in the input" }]
    const containers = backends.filter((u) => u.unit._tag === "Pod").length
    const vms = backends.length - containers
    const expected = add(mul(parse(BigInt(containers)), hc), mul(parse(BigInt(vms)), hv))
    return [{ service: name, containers, vms, expectedHealthy: `${showRational(expected)} ≈ ${toNumber(expected).toFixed(3)}`, noneHealthy: powNumber(sub(ONE, hc), containers) * powNumber(sub(ONE, hv), vms) }]
  })
}

const MAX_ROWS = 60

/** S7.4: stationary distributions of the health chain for the runtimes present, and per-Service availability. @since 0.1.0 @category steps */
export const markovStep: Step<Context> = {
  name: "markov",
  run: async (ctx) => {
    const uc = userCluster(ctx)
    const variants = [
      ...(uc.pods.length > 0 ? [{ variant: containerHealth, objects: uc.pods.length, what: "pods" }] : []),
      ...(uc.vmis.length > 0 ? [{ variant: vmHealth, objects: uc.vmis.length, what: "VMIs" }] : []),
    ]
    if (variants.length === 0) {
      return {
        summary: "no pod or VMI: no backend health to model",
        sections: [{ id: "markov", title: "Backend health (S7.4)", blocks: [paragraph("The input has no pod or VMI, so there is no backend whose health the S7.4 chain could describe.")] }],
        json: { runtimes: [], services: [] },
        failures: [],
      }
    }
    const rows: Array<{ runtime: string; state: string; probability: number }> = []
    const exact: Array<{ runtime: string; objects: number; pi: string; points: string; assumption: string }> = []
    for (const { variant, objects, what } of variants) {
      const s = stationaryExact(variant.chain)
      // The first extreme point is the one on {Healthy, Unhealthy, Starting}; Terminating is its own closed class.
      const pi = s.extremePoints[0]!
      pi.forEach((p, i) => rows.push({ runtime: variant.runtime, state: healthStates[i]!, probability: toNumber(p) }))
      exact.push({ runtime: variant.runtime, objects, pi: pi.map(showRational).join(", "), points: `${s.extremePoints.length} (${s.unique ? "unique" : "not unique"})`, assumption: `${objects} ${what}; ${variant.assumption}` })
    }
    const services = serviceHealth(uc)
    const scored = services.filter((s): s is ServiceHealthRow => "expectedHealthy" in s)
    const svg = await barChart("S7.4 stationary distribution of backend health", rows, { category: "state", value: "probability", group: "runtime" })
    const serviceLine =
      services.length === 0
        ? "The input has no Service: no per-Service availability."
        : `${services.length} Service(s); for each, the backends its selector picks and, with independent backends in the stationary regime, E[healthy backends] and P(no backend healthy).` +
          (services.length > MAX_ROWS ? ` The first ${MAX_ROWS}; report.json has all.` : "")
    const worst = [...scored].sort((a, b) => b.noneHealthy - a.noneHealthy)[0]
    return {
      summary: `${exact.map((e) => `${e.runtime} π=(${e.pi})`).join("; ")}; ${services.length} services${worst === undefined ? "" : `, least available ${worst.service} (P(none healthy) = ${worst.noneHealthy.toExponential(2)})`}`,
      sections: [
        {
          id: "markov",
          title: "Backend health (S7.4)",
          blocks: [
            paragraph(
              "Exact stationary distributions (rational arithmetic) of the health chain of each runtime present in the cluster: the seed's chain with P(Starting → Healthy) set per runtime. Terminating is absorbing and unreachable from the other states, so each chain has two closed classes and two extreme stationary distributions; the one on the live states is drawn.",
            ),
            figure(svg, "Stationary probability of each health state, per runtime present."),
            table(["runtime", "objects", "π on the live class (H, U, S, T)", "extreme points"], exact.map((e) => [e.runtime, e.objects, e.pi, e.points])),
            paragraph(serviceLine),
            ...(services.length > 0
              ? [
                  table(
                    ["service", "pod backends", "VM backends", "E[healthy]", "P(none healthy)"],
                    services.slice(0, MAX_ROWS).map((s) => ("note" in s ? [s.service, "–", "–", "–", s.note] : [s.service, s.containers, s.vms, s.expectedHealthy, s.noneHealthy.toExponential(3)])),
                  ),
                ]
              : []),
          ],
        },
      ],
      json: { runtimes: exact, services },
      failures: [],
    }
  },
}

