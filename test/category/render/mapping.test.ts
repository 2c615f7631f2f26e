import { describe, expect, it } from "vitest"
import { dotToSvg, mappingToDot, type RenderGraph } from "../../../src/category/render/index.ts"

const graph = (name: string, nodes: string[], edges: Array<[string, string, string]>): RenderGraph => ({
  name,
  nodes: nodes.map((n) => ({ id: n, label: n.toUpperCase() })),
  edges: edges.map(([from, to, label]) => ({ from, to, label })),
  notes: [],
})

describe("pictures of maps between graphs", () => {
  const source = graph("C", ["a", "b"], [["a", "b", "f"], ["b", "a", "g"]])
  const target = graph("D", ["a"], [["a", "a", "h"]])
  const dot = mappingToDot({ name: "F \"quoted\"", source, target, objectMap: [["a", "a"], ["b", "a"]], broken: [1] })

  it("draws both sides in their own boxes, the object map dashed and only the broken edges red", () => {
    expect(dot).toContain('digraph "F \\"quoted\\""')
    expect(dot).toContain("subgraph cluster_source")
    expect(dot).toContain("subgraph cluster_target")
    expect(dot.match(/style=dashed/g)).toHaveLength(2)
    expect(dot).toContain('s_b -> s_a [label="g", color=red')
    expect(dot).not.toContain('s_a -> s_b [label="f", color=red')
    expect(dot).toContain('t_a -> t_a [label="h"]')
  })

  it("is valid Graphviz: the SVG carries both sides' labels", async () => {
    const svg = await dotToSvg(dot)
    for (const label of ["A", "B", "f", "g", "h"]) expect(svg).toContain(`>${label}</text>`)
  })
})
