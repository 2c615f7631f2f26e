import type { FreeCategory } from "../fincat/FreeCategory.ts"
import type { PathDiagram } from "../fincat/PathDiagram.ts"
import { showWord, type Presentation } from "../fincat/Presentation.ts"

/**
 * The one picture model every renderer (Mermaid, Graphviz DOT, SVG) draws: labelled nodes,
 * labelled edges, and notes (equations, named paths) shown beside the graph.
 *
 * Node ids are generated (`n0`, `n1`, …) so that any object name — with spaces, quotes or
 * arrows in it — is safe in every output language; names only ever appear as escaped labels.
 *
 * @since 0.1.0
 */

/** A node to draw: an identifier and its label. @since 0.1.0 @category model */
export interface RenderNode {
  readonly id: string
  readonly label: string
}

/** A labelled edge to draw, between node identifiers. @since 0.1.0 @category model */
export interface RenderEdge {
  readonly from: string
  readonly to: string
  readonly label: string
}

/** A graph to draw. @since 0.1.0 @category model */
export interface RenderGraph {
  readonly name: string
  readonly nodes: ReadonlyArray<RenderNode>
  readonly edges: ReadonlyArray<RenderEdge>
  /** Lines shown with the graph: equations, named paths, verdicts. */
  readonly notes: ReadonlyArray<string>
}

const nodeId = (x: number): string => `n${x}`

const draw = (p: Presentation, objects: ReadonlyArray<number>, generators: ReadonlyArray<number>, name: string, notes: ReadonlyArray<string>): RenderGraph => ({
  name,
  nodes: objects.map((x) => ({ id: nodeId(x), label: p.objects[x] as string })),
  edges: generators.map((a) => ({
    from: nodeId(p.generatorDom[a] as number),
    to: nodeId(p.generatorCod[a] as number),
    label: p.generators[a] as string,
  })),
  notes,
})

/**
 * A presentation as a graph: objects, generators, and its equations as notes
 * (composition order, `x^5 = x`).
 *
 * @example
 * import { presentation } from "catcluster/category/fincat"
 * import { presentationGraph, toMermaid } from "catcluster/category/render"
 * toMermaid(presentationGraph(presentation({ objects: ["A"], arrows: [{ name: "x", dom: "A", cod: "A" }] })))
 *
 * @since 0.1.0
 * @category constructors
 */
export const presentationGraph = (p: Presentation): RenderGraph =>
  draw(
    p,
    p.objects.map((_, x) => x),
    p.generators.map((_, a) => a),
    p.name,
    p.equations.map((e) => `${showWord(p, e.lhs, e.dom)} = ${showWord(p, e.rhs, e.dom)}`),
  )

/**
 * A diagram as a graph: its objects and arrows, and each named path as a note.
 *
 * @since 0.1.0
 * @category constructors
 */
export const diagramGraph = (d: PathDiagram): RenderGraph => {
  const p = d.category.presentation
  return draw(
    p,
    d.objects,
    d.arrows,
    d.name,
    d.paths.map((q) => `${q.name} = ${showWord(p, q.path.word, q.path.dom)} : ${p.objects[q.path.dom]} → ${p.objects[q.path.cod]}`),
  )
}

/**
 * The graph of a free category (a state machine): states and transitions; a cycle, if any, as a note.
 *
 * @since 0.1.0
 * @category constructors
 */
export const freeCategoryGraph = (F: FreeCategory): RenderGraph => {
  const g = presentationGraph(F.presentation)
  return F.cycle === undefined ? g : { ...g, notes: [...g.notes, `cycle: ${F.cycle.join(" ; ")}`] }
}
