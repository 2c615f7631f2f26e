import { dotString } from "./Dot.ts"
import type { RenderGraph } from "./RenderGraph.ts"

/**
 * A map between two drawn graphs (a functor's object map, a state map such as η) as one DOT
 * picture: the source and target side by side in boxes, the object map as dashed arrows, and the
 * source edges that have no image drawn in red.
 *
 * @since 0.1.0
 */

/** What to draw. @since 0.1.0 @category model */
export interface MappingPicture {
  readonly name: string
  readonly source: RenderGraph
  readonly target: RenderGraph
  /** Pairs of node ids: source node ↦ target node. */
  readonly objectMap: ReadonlyArray<readonly [string, string]>
  /** Indices into `source.edges` that the map cannot send anywhere. */
  readonly broken: ReadonlyArray<number>
}

/**
 * DOT text for a {@link MappingPicture}. Node ids are prefixed per side, so the two graphs may
 * reuse ids.
 *
 * @example
 * import { mappingToDot } from "catcluster/category/render"
 * const g = (name: string) => ({ name, nodes: [{ id: "a", label: "A" }], edges: [], notes: [] })
 * mappingToDot({ name: "F", source: g("C"), target: g("D"), objectMap: [["a", "a"]], broken: [] }).includes("s_a -> t_a") // true
 *
 * @since 0.1.0
 * @category destructors
 */
export const mappingToDot = (p: MappingPicture): string => {
  const side = (prefix: string, g: RenderGraph, cluster: string, broken: ReadonlySet<number>): string[] => [
    `  subgraph ${cluster} {`,
    `    label=${dotString(g.name)}; style=rounded; color=gray60;`,
    ...g.nodes.map((n) => `    ${prefix}${n.id} [label=${dotString(n.label)}];`),
    ...g.edges.map(
      (e, i) => `    ${prefix}${e.from} -> ${prefix}${e.to} [label=${dotString(e.label)}${broken.has(i) ? ', color=red, fontcolor=red, penwidth=2' : ""}];`,
    ),
    "  }",
  ]
  return [
    `digraph ${dotString(p.name)} {`,
    "  rankdir=LR; compound=true;",
    '  node [shape=box, style=rounded, fontname="Helvetica"];',
    '  edge [fontname="Helvetica"];',
    ...side("s_", p.source, "cluster_source", new Set(p.broken)),
    ...side("t_", p.target, "cluster_target", new Set()),
    ...p.objectMap.map(([s, t]) => `  s_${s} -> t_${t} [style=dashed, color=steelblue, constraint=false];`),
    "}",
    "",
  ].join("\n")
}
