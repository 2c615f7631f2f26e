import { buildFinCat, certify, diagram, pathsEqual, presentation, type PresentationInput } from "../category/fincat/index.ts"
import { dotToSvg, mappingToDot, presentationGraph, toSvg, type RenderGraph } from "../category/render/index.ts"
import { seedEta } from "../domain/claims/s3.ts"
import { footprint, residual } from "../domain/cluster/footprint.ts"
import type { ObjectName } from "../domain/cluster/objects.ts"
import { clusterEvictionStrategy, effectiveEvictionStrategy } from "../domain/kubevirt/migrationSettings.ts"
import type { Manifest } from "../domain/manifest/Manifest.ts"
import type { ModelledUnit } from "../domain/model/clusterFromManifests.ts"
import { vmiTemplateOf } from "../domain/model/templates.ts"
import { showResources, type ResourceVector } from "../domain/resources/ResourceVector.ts"
import { checkStateMap } from "../domain/state/graphMap.ts"
import { containerStates, migrationPhases, podPhases, seedPodMachine, seedVmMachine, vmiPhases } from "../domain/state/machines.ts"
import type { TransitionGraph } from "../domain/state/TransitionGraph.ts"
import { figure, paragraph, table, type Block } from "../report/Html.ts"
import { showAmount } from "./check/Shortfall.ts"
import { squareResiduals } from "./check/footprintSuite.ts"
import type { Step } from "./Step.ts"
import type { Context } from "./steps.ts"
import { someOf, userCluster, type UserCluster } from "./userCluster.ts"

/**
 * The main job's category step on the user's cluster: the cluster category presented by the
 * objects and arrows that occur in it (with how many of each), enumerated, certified and drawn;
 * the seed's square S1.4 decided when both paths exist; the footprint functor's residual per
 * workload; and the state machines of the kinds present, with the phases the manifests report.
 *
 * @since 0.1.0
 */

/**
 * The cluster category of S1 with both scheduling arrows. The equations are this model's
 * reading, stated so the category is finite: scheduling an already placed workload again
 * changes nothing (each round trip through σ is idempotent).
 *
 * @since 0.1.0
 * @category constants
 */
export const clusterPresentation: PresentationInput = {
  name: "cluster",
  objects: ["P", "V", "C", "Pod", "VMI"],
  arrows: [
    { name: "Φ", dom: "P", cod: "V" },
    { name: "Ψ", dom: "P", cod: "C" },
    { name: "Ω", dom: "C", cod: "Pod" },
    { name: "Ω′", dom: "V", cod: "VMI" },
    { name: "σ_pod", dom: "Pod", cod: "P" },
    { name: "σ_vmi", dom: "VMI", cod: "P" },
  ],
  equations: [
    { name: "rescheduling a pod is idempotent", lhs: ["Ψ", "Ω", "σ_pod", "Ψ", "Ω", "σ_pod"], rhs: ["Ψ", "Ω", "σ_pod"] },
    { name: "rescheduling a VMI is idempotent", lhs: ["Φ", "Ω′", "σ_vmi", "Φ", "Ω′", "σ_vmi"], rhs: ["Φ", "Ω′", "σ_vmi"] },
    { name: "pod and VMI round trips commute", lhs: ["Ψ", "Ω", "σ_pod", "Φ", "Ω′", "σ_vmi"], rhs: ["Φ", "Ω′", "σ_vmi", "Ψ", "Ω", "σ_pod"] },
  ],
}

/**
 * How many objects of each kind and instances of each generating arrow a cluster has: Φ and Ω′
 * once per VM/VMI, Ψ and Ω once per container, σ once per placement the manifests give.
 *
 * @since 0.1.0
 * @category model
 */
export interface Census {
  readonly objects: Readonly<Record<ObjectName, number>>
  readonly arrows: Readonly<Record<string, number>>
}

/**
 * The census of the user's cluster.
 *
 * @since 0.1.0
 * @category destructors
 */
export const censusOf = (uc: UserCluster): Census => {
  const containers = uc.pods.reduce((n, u) => n + (u.unit._tag === "Pod" ? u.unit.containers.length : 0), 0)
  const bound = (us: ReadonlyArray<ModelledUnit>) => us.filter((u) => u.nodeName !== undefined).length
  return {
    objects: { P: uc.model.cluster.machines.length, V: uc.vmis.length, C: containers, Pod: uc.pods.length, VMI: uc.vmis.length },
    arrows: { "Φ": uc.vmis.length, "Ψ": containers, "Ω": containers, "Ω′": uc.vmis.length, σ_pod: bound(uc.pods), σ_vmi: bound(uc.vmis) },
  }
}

/**
 * The part of {@link clusterPresentation} that occurs in a cluster: the container side (Ψ, Ω,
 * σ_pod) when it has pods, the VM side (Φ, Ω′, σ_vmi) when it has VMIs, P whenever it has
 * either or a node, and the equations whose arrows all occur. `undefined` for an empty cluster.
 *
 * @example
 * import { presentationFor } from "catcluster/app/categoryStep"
 * // a container-only cluster: objects P, C, Pod; arrows Ψ, Ω, σ_pod; one equation
 *
 * @since 0.1.0
 * @category constructors
 */
export const presentationFor = (census: Census): PresentationInput | undefined => {
  const pods = census.objects.Pod > 0
  const vms = census.objects.VMI > 0
  if (!pods && !vms && census.objects.P === 0) return undefined
  const objects = clusterPresentation.objects.filter((o) => o === "P" || ((o === "C" || o === "Pod") && pods) || ((o === "V" || o === "VMI") && vms))
  const arrows = clusterPresentation.arrows.filter((a) => objects.includes(a.dom) && objects.includes(a.cod))
  const names = new Set(arrows.map((a) => a.name))
  const equations = (clusterPresentation.equations ?? []).filter((e) => [...e.lhs, ...e.rhs].every((a) => names.has(a)))
  return { name: pods && vms ? "cluster" : pods ? "cluster (containers only)" : vms ? "cluster (VMs only)" : "cluster (nodes only)", objects, arrows, equations }
}

const machineGraph = <S extends string>(g: TransitionGraph<S>): RenderGraph => ({
  name: g.name,
  nodes: g.states.map((s) => ({ id: `s_${g.states.indexOf(s)}`, label: g.initial.includes(s) ? `▶ ${s}` : s })),
  edges: g.transitions.map((t) => ({ from: `s_${g.states.indexOf(t.from)}`, to: `s_${g.states.indexOf(t.to)}`, label: t.label })),
  notes: [`source: ${g.source}`],
})

const showDelta = (d: ReadonlyMap<string, bigint>): string =>
  d.size === 0 ? "none" : [...d].map(([n, x]) => `${n} ${x > 0n ? "+" : "−"}${showAmount(n, x > 0n ? x : -x)}`).join(", ")

/**
 * One row of the footprint table: a workload (all its replicas share a template), F of one
 * unit, and the residual of the square that compares F with what the scheduler fits.
 *
 * @since 0.1.0
 * @category model
 */
export interface FootprintRow {
  readonly kind: string
  readonly workload: string
  readonly units: number
  readonly footprint: string
  /** For a Pod: effective request − F (init containers, sidecars, overhead). For a VMI: F(Ω′∘Φ) − F(Ω∘Ψ). */
  readonly residual: string
  readonly square: "pod: F vs effective request" | "S1.4: F(Ω′∘Φ) vs F(Ω∘Ψ)"
}

/**
 * The footprint functor's residual per workload of the user's cluster.
 *
 * @since 0.1.0
 * @category destructors
 */
export const footprintRows = (uc: UserCluster): ReadonlyArray<FootprintRow> => {
  const vmiResidual = new Map(squareResiduals(uc.model).map((r) => [r.vmi, r]))
  const groups = new Map<string, { kind: string; workload: string; units: ModelledUnit[] }>()
  for (const u of uc.model.units) {
    const key = `${u.origin.kind}\u0000${u.origin.object}`
    const g = groups.get(key) ?? { kind: u.origin.kind, workload: u.origin.object, units: [] }
    g.units.push(u)
    groups.set(key, g)
  }
  return [...groups.values()].map(({ kind, workload, units }) => {
    const first = units[0]!
    const f: ResourceVector = footprint(first.unit)
    if (first.unit._tag === "Pod") {
      return { kind, workload, units: units.length, footprint: showResources(f), residual: showDelta(residual(f, first.request)), square: "pod: F vs effective request" }
    }
    const r = vmiResidual.get(first.unit.name)
    return { kind, workload, units: units.length, footprint: showResources(f), residual: r === undefined ? "–" : showDelta(r.residual), square: "S1.4: F(Ω′∘Φ) vs F(Ω∘Ψ)" }
  })
}

/** Rows with the same kind, footprint and residual on one line, so a large cluster's table stays readable. */
const groupedRows = (rows: ReadonlyArray<FootprintRow>): ReadonlyArray<ReadonlyArray<string | number>> => {
  const groups = new Map<string, { row: FootprintRow; names: string[]; units: number }>()
  for (const r of rows) {
    const key = `${r.kind}\u0000${r.footprint}\u0000${r.residual}`
    const g = groups.get(key) ?? { row: r, names: [], units: 0 }
    g.names.push(r.workload)
    g.units += r.units
    groups.set(key, g)
  }
  return [...groups.values()].map((g) => [g.row.kind, someOf(g.names), g.units, g.row.footprint, g.row.residual])
}

const MAX_ROWS = 60

/** `Running 3, Pending 1, no status 5`: the phases the manifests report for some units. */
const phasesSeen = (uc: UserCluster, units: ReadonlyArray<ModelledUnit>): string => {
  const counts = new Map<string, number>()
  for (const u of units) {
    const m = uc.manifestAt(u.origin.source)
    const fromController = u.origin.replica !== undefined
    const phase = fromController ? undefined : ((m as { status?: { phase?: unknown } } | undefined)?.status?.phase as string | undefined)
    const key = typeof phase === "string" ? phase : fromController ? "to be created by its controller" : "no status given"
    counts.set(key, (counts.get(key) ?? 0) + 1)
  }
  return [...counts].map(([k, n]) => `${k} ${n}`).join(", ")
}

/** VMIs whose eviction strategy asks for live migration on a drain (whether or not they can). */
const liveMigrateUnits = (uc: UserCluster): ReadonlyArray<ModelledUnit> => {
  const cluster = clusterEvictionStrategy(uc.manifests)
  return uc.vmis.filter((u) => {
    const m = uc.manifestAt(u.origin.source)
    const t = m === undefined ? undefined : vmiTemplateOf(m)
    const s = t === undefined ? cluster.strategy : effectiveEvictionStrategy(t.spec, cluster).strategy
    return s === "LiveMigrate" || s === "LiveMigrateIfPossible"
  })
}

const migrationObjects = (manifests: ReadonlyArray<Manifest>) => manifests.filter((m) => m.kind === "VirtualMachineInstanceMigration")

/** The main job's category step: presents, enumerates, certifies and draws the user's cluster category. @since 0.1.0 @category steps */
export const categoryStep: Step<Context> = {
  name: "category",
  run: async (ctx) => {
    const uc = userCluster(ctx)
    const census = censusOf(uc)
    const input = presentationFor(census)
    if (input === undefined) {
      const line = "The input has no node, pod or VMI: there is no cluster category to build."
      return {
        summary: "no node, pod or VMI in the input",
        sections: [
          { id: "category", title: "The cluster category (S1)", blocks: [paragraph(line)] },
          { id: "state-machines", title: "State machines (S3)", blocks: [paragraph("The input has no pod or VMI: no state machine applies.")] },
        ],
        json: { status: "empty", census },
        failures: [],
      }
    }
    const p = presentation(input)
    const built = buildFinCat(p)
    if (built._tag !== "Finite") {
      return { summary: `cluster category: ${built._tag}`, sections: [], json: { status: built._tag }, failures: [`the cluster presentation is ${built._tag}: ${built.message}`] }
    }
    const C = built.category
    const certificate = certify(C)
    const both = census.objects.Pod > 0 && census.objects.VMI > 0
    const square = both ? pathsEqual(diagram(C, { name: "S1.4", paths: { viaVM: ["Φ", "Ω′"], viaContainer: ["Ψ", "Ω"] } }), "viaVM", "viaContainer") : undefined
    const homRows = C.objects()
      .flatMap((x) => C.objects().map((y) => [`hom(${C.showObject(x)}, ${C.showObject(y)})`, C.hom(x, y).length, C.hom(x, y).map(C.showArrow).join(", ")] as const))
      .filter(([, n]) => n > 0)
    const objectCounts: Record<string, number> = census.objects
    const graph = presentationGraph(p)
    const counted: RenderGraph = {
      ...graph,
      nodes: graph.nodes.map((n) => ({ ...n, label: `${n.label} (${objectCounts[n.label] ?? 0})` })),
      edges: graph.edges.map((e) => ({ ...e, label: `${e.label} ×${census.arrows[e.label] ?? 0}` })),
    }
    const rows = footprintRows(uc)
    const grouped = groupedRows(rows)
    const occurring = input.objects.map((o) => `${objectCounts[o] ?? 0} ${o}`).join(", ")
    const arrowsLine = input.arrows.map((a) => `${a.name} ×${census.arrows[a.name] ?? 0}`).join(", ")
    const squareLine =
      square === undefined
        ? `S1.4 (Ω′∘Φ = Ω∘Ψ) is not decided: the cluster has ${census.objects.VMI === 0 ? "no VM" : "no pod"}, so only one of the two paths exists.`
        : `S1.4 (Ω′∘Φ = Ω∘Ψ): ${square._tag}${"message" in square ? ` — ${String(square.message)}` : ""}.`

    // State machines of the kinds present.
    const lm = liveMigrateUnits(uc)
    const vmims = migrationObjects(uc.manifests)
    const machines: Array<{ graph: TransitionGraph<string>; caption: string; objects: string }> = []
    if (uc.pods.length > 0) {
      machines.push({ graph: podPhases as TransitionGraph<string>, caption: `Pod phases as Kubernetes has them (${podPhases.source}).`, objects: `${uc.pods.length} pods: ${phasesSeen(uc, uc.pods)}` })
      machines.push({ graph: containerStates as TransitionGraph<string>, caption: `Container states (${containerStates.source}).`, objects: `${census.objects.C} containers` })
    }
    if (uc.vmis.length > 0) {
      machines.push({ graph: vmiPhases as TransitionGraph<string>, caption: `VMI phases as KubeVirt has them (${vmiPhases.source}).`, objects: `${uc.vmis.length} VMIs: ${phasesSeen(uc, uc.vmis)}` })
    }
    if (vmims.length > 0 || lm.length > 0) {
      machines.push({
        graph: migrationPhases as TransitionGraph<string>,
        caption: `Live-migration phases (${migrationPhases.source}).`,
        objects: `${vmims.length} VirtualMachineInstanceMigration object(s); ${lm.length} VMI(s) live-migrate on a drain`,
      })
    }
    const eta = both ? checkStateMap(seedPodMachine, seedVmMachine, seedEta) : undefined
    const pictures = await Promise.all([
      toSvg(counted),
      ...machines.map((m) => toSvg(machineGraph(m.graph))),
      ...(eta === undefined
        ? []
        : [
            toSvg(machineGraph(seedPodMachine)),
            toSvg(machineGraph(seedVmMachine)),
            dotToSvg(
              mappingToDot({
                name: "η : T_Pod → T_VM",
                source: machineGraph(seedPodMachine),
                target: machineGraph(seedVmMachine),
                objectMap: Object.entries(seedEta).map(([s, t]) => [`s_${seedPodMachine.states.indexOf(s as never)}`, `s_${seedVmMachine.states.indexOf(t as never)}`] as const),
                broken: eta.images.flatMap((im, i) => (im._tag === "Unmapped" || im._tag === "Unreachable" ? [i] : [])),
              }),
            ),
          ]),
    ])
    const absent = [
      ...(uc.pods.length === 0 ? ["no pod, so no Pod or container machine"] : []),
      ...(uc.vmis.length === 0 ? ["no VMI, so no VMI machine"] : []),
      ...(vmims.length === 0 && lm.length === 0 ? ["no migration object and no VMI that live-migrates on a drain, so no migration machine"] : []),
    ]
    const machineBlocks: Block[] = [
      table(["machine", "objects of this kind in the input"], machines.map((m) => [m.graph.name, m.objects])),
      ...machines.map((m, i) => figure(pictures[1 + i]!, m.caption)),
      ...(absent.length > 0 ? [paragraph(`The input has ${absent.join("; ")}.`)] : []),
      ...(eta === undefined
        ? [paragraph("The seed's η : T_Pod → T_VM (S3.4) relates pods and VMs; it is drawn when the cluster has both.")]
        : [
            figure(pictures[1 + machines.length]!, "The seed's Pod machine (S3.1)."),
            figure(pictures[2 + machines.length]!, "The seed's VM machine (S3.2)."),
            figure(
              pictures[3 + machines.length]!,
              `S3.4: the seed's η as a map of state machines (dashed: the object map). ${eta.functor ? "Every transition has an image." : `Red: the ${eta.noImage.length} transitions with no image, so η is not a functor: ${eta.noImage.join("; ")}.`}`,
            ),
          ]),
    ]
    const summary = `${occurring}; ${C.arrowCount} arrows, ${C.table.length} composable pairs; ${certificate._tag}; S1.4 square: ${square?._tag ?? "not applicable"}; machines: ${machines.map((m) => m.graph.name.replace(/ \(.*$/, "")).join(", ") || "none"}`
    return {
      summary,
      sections: [
        {
          id: "category",
          title: "The cluster category (S1)",
          blocks: [
            paragraph(
              `The objects and generating arrows that occur in this cluster: ${occurring}; ${arrowsLine} (σ counts the placements the manifests give; the scheduling step places the rest). ` +
                "Knuth–Bendix completion decides equality of paths; the enumeration is certified by checking the category laws on the composition table and every equation in it.",
            ),
            figure(pictures[0]!, `The presentation with the counts of this cluster (${C.arrowCount} arrows, ${C.table.length} composable pairs; certificate: ${certificate._tag}).`),
            paragraph(squareLine),
            table(["hom-set", "size", "arrows"], homRows),
            paragraph(
              "The footprint functor F : Pod ⊎ VMI → Res≤ per workload (replicas share their template): for a pod, what the scheduler fits beyond F (init containers, sidecars, overhead); for a VMI, the S1.4 residual F(Ω′∘Φ) − F(Ω∘Ψ) against a container asking the same vCPUs and memory." +
                (grouped.length > MAX_ROWS ? ` The first ${MAX_ROWS} of ${grouped.length} rows; report.json has every workload.` : ""),
            ),
            table(["kind", "workloads", "units", "F(unit)", "residual"], grouped.slice(0, MAX_ROWS)),
          ],
        },
        { id: "state-machines", title: "State machines (S3)", blocks: machineBlocks },
      ],
      json: {
        census,
        objects: input.objects,
        generators: input.arrows.map((a) => a.name),
        equations: (input.equations ?? []).map((e) => e.name ?? ""),
        arrows: C.arrowCount,
        pairs: C.table.length,
        certificate: certificate._tag,
        s14: square?._tag ?? "not applicable",
        hom: homRows.map(([h, n]) => ({ hom: h, size: n })),
        footprint: rows,
        machines: machines.map((m) => ({ machine: m.graph.name, objects: m.objects })),
        eta: eta === undefined ? "not drawn" : eta.functor ? "functor" : `not a functor (${eta.noImage.length} transitions without image)`,
      },
      failures: certificate._tag === "Certified" ? [] : [`the cluster category's table is not certified: ${certificate._tag}`],
    }
  },
}
