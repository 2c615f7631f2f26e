import { buildFinCat, certify, diagram, pathsEqual, presentation, type PresentationInput } from "../category/fincat/index.ts"
import { dotToSvg, mappingToDot, presentationGraph, toSvg, type RenderGraph } from "../category/render/index.ts"
import { seedEta } from "../domain/claims/s3.ts"
import { checkStateMap } from "../domain/state/graphMap.ts"
import { podPhases, seedPodMachine, seedVmMachine, vmiPhases } from "../domain/state/machines.ts"
import type { TransitionGraph } from "../domain/state/TransitionGraph.ts"
import { figure, paragraph, table } from "../report/Html.ts"
import type { Step } from "./Step.ts"
import type { Context } from "./steps.ts"

/**
 * The main job's category step: the cluster category presented by generators and equations,
 * enumerated, certified and drawn; the seed's square S1.4 decided; the state machines drawn.
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

const machineGraph = <S extends string>(g: TransitionGraph<S>): RenderGraph => ({
  name: g.name,
  nodes: g.states.map((s) => ({ id: `s_${g.states.indexOf(s)}`, label: g.initial.includes(s) ? `▶ ${s}` : s })),
  edges: g.transitions.map((t) => ({ from: `s_${g.states.indexOf(t.from)}`, to: `s_${g.states.indexOf(t.to)}`, label: t.label })),
  notes: [`source: ${g.source}`],
})

/** The main job's category step: presents, enumerates, certifies and draws the cluster category. @since 0.1.0 @category steps */
export const categoryStep: Step<Context> = {
  name: "category",
  run: async () => {
    const p = presentation(clusterPresentation)
    const built = buildFinCat(p)
    if (built._tag !== "Finite") {
      return { summary: `cluster category: ${built._tag}`, sections: [], json: { status: built._tag }, failures: [`the cluster presentation is ${built._tag}: ${built.message}`] }
    }
    const C = built.category
    const certificate = certify(C)
    const square = pathsEqual(diagram(C, { name: "S1.4", paths: { viaVM: ["Φ", "Ω′"], viaContainer: ["Ψ", "Ω"] } }), "viaVM", "viaContainer")
    const composites = pathsEqual(
      diagram(C, { name: "S1.3", paths: { podRoundTrip: ["Ψ", "Ω", "σ_pod"], vmiRoundTrip: ["Φ", "Ω′", "σ_vmi"] } }),
      "podRoundTrip",
      "vmiRoundTrip",
    )
    const homRows = C.objects().flatMap((x) =>
      C.objects().map((y) => [`hom(${C.showObject(x)}, ${C.showObject(y)})`, C.hom(x, y).length, C.hom(x, y).map(C.showArrow).join(", ")] as const),
    ).filter(([, n]) => n > 0)
    const eta = checkStateMap(seedPodMachine, seedVmMachine, seedEta)
    const podGraph = machineGraph(seedPodMachine)
    const vmGraph = machineGraph(seedVmMachine)
    const etaDot = mappingToDot({
      name: "η : T_Pod → T_VM",
      source: podGraph,
      target: vmGraph,
      objectMap: Object.entries(seedEta).map(([s, t]) => [`s_${seedPodMachine.states.indexOf(s as never)}`, `s_${seedVmMachine.states.indexOf(t as never)}`] as const),
      broken: eta.images.flatMap((im, i) => (im._tag === "Unmapped" || im._tag === "Unreachable" ? [i] : [])),
    })
    const pictures = await Promise.all([
      toSvg(presentationGraph(p)),
      toSvg(machineGraph(podPhases)),
      toSvg(machineGraph(vmiPhases)),
      toSvg(machineGraph(seedPodMachine)),
      toSvg(machineGraph(seedVmMachine)),
      dotToSvg(etaDot),
    ])
    const summary = `${C.arrowCount} arrows, ${C.table.length} composable pairs; ${certificate._tag}; S1.4 square: ${square._tag}; pod vs VMI round trip equal: ${composites._tag}`
    return {
      summary,
      sections: [
        {
          id: "category",
          title: "The cluster category (S1)",
          blocks: [
            paragraph(
              "Objects P, V, C, Pod, VMI; generators Φ, Ψ, Ω, Ω′ and the two scheduling arrows. Knuth–Bendix completion decides equality of paths; the enumeration is certified by checking the category laws on the composition table and every equation in it.",
            ),
            figure(pictures[0]!, `The presentation (${C.arrowCount} arrows, ${C.table.length} composable pairs; certificate: ${certificate._tag}).`),
            paragraph(`S1.4 (Ω′∘Φ = Ω∘Ψ): ${square._tag}${"message" in square ? ` — ${String(square.message)}` : ""}.`),
            table(["hom-set", "size", "arrows"], homRows),
          ],
        },
        {
          id: "state-machines",
          title: "State machines (S3)",
          blocks: [
            figure(pictures[1]!, `Pod phases as Kubernetes has them (${podPhases.source}).`),
            figure(pictures[2]!, `VMI phases as KubeVirt has them (${vmiPhases.source}).`),
            figure(pictures[3]!, "The seed's Pod machine (S3.1)."),
            figure(pictures[4]!, "The seed's VM machine (S3.2)."),
            figure(
              pictures[5]!,
              `S3.4: the seed's η as a map of state machines (dashed: the object map). ${eta.functor ? "Every transition has an image." : `Red: the ${eta.noImage.length} transitions with no image, so η is not a functor: ${eta.noImage.join("; ")}.`}`,
            ),
          ],
        },
      ],
      json: { arrows: C.arrowCount, pairs: C.table.length, certificate: certificate._tag, s14: square._tag, hom: homRows.map(([h, n]) => ({ hom: h, size: n })) },
      failures: certificate._tag === "Certified" ? [] : [`the cluster category's table is not certified: ${certificate._tag}`],
    }
  },
}
