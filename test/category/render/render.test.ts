import { describe, expect, it } from "vitest"
import { diagram, finCat, freeCategory, presentation } from "../../../src/category/fincat/index.ts"
import {
  diagramGraph,
  DotRenderError,
  dotToSvg,
  freeCategoryGraph,
  presentationGraph,
  toDot,
  toMermaid,
  toSvg,
} from "../../../src/category/render/index.ts"
import { sixObjects } from "../fincat/examples.ts"

const six = presentation(sixObjects)

/** Graphviz's SVG wraps each node and edge in <g class="node"> / <g class="edge"> with a <title>. */
const count = (svg: string, cls: string) => svg.split(`class="${cls}"`).length - 1

describe("rendering", () => {
  it("DOT of a presentation parses and its SVG holds every object, generator and equation", async () => {
    const dot = toDot(presentationGraph(six))
    const svg = await dotToSvg(dot)
    expect(svg.startsWith("<?xml") || svg.startsWith("<svg")).toBe(true)
    expect(count(svg, "node")).toBe(6)
    expect(count(svg, "edge")).toBe(9)
    for (const o of sixObjects.objects) expect(svg).toContain(`>${o}</text>`)
    for (const a of sixObjects.arrows) expect(svg).toContain(`>${a.name}</text>`)
    expect(svg).toContain("x^5 = x")
    expect(svg).toContain("h∘f = k∘g")
  })

  it("escapes awkward names in DOT and Mermaid", async () => {
    const p = presentation({
      objects: ['say "hi"', "back\\slash", "A → B"],
      arrows: [
        { name: 'q"uote', dom: 'say "hi"', cod: "back\\slash" },
        { name: "arrow->x", dom: "back\\slash", cod: "A → B" },
      ],
    })
    const svg = await toSvg(presentationGraph(p))
    expect(svg).toContain("say &quot;hi&quot;")
    expect(svg).toContain("back\\slash")
    expect(svg).toContain("arrow&#45;&gt;x")
    const mermaid = toMermaid(presentationGraph(p))
    expect(mermaid).toContain('n0["say #quot;hi#quot;"]')
    expect(mermaid).toContain('n0 -->|"q#quot;uote"| n1')
  })

  it("Mermaid lists every node, edge and equation of the presentation", () => {
    const text = toMermaid(presentationGraph(six))
    const lines = text.split("\n")
    expect(lines).toContain("flowchart LR")
    expect(lines.filter((l) => / n\d+\["/.test(l))).toHaveLength(6)
    expect(lines.filter((l) => l.includes("-->"))).toHaveLength(9)
    expect(lines).toContain('  n0 -->|"x"| n0')
    expect(lines).toContain('  n0 -->|"f"| n1')
    expect(lines).toContain("  %% y^5 = y^2")
  })

  it("draws a diagram with only the objects and arrows its paths touch", async () => {
    const d = diagram(finCat(six), { name: "square", paths: { top: ["f", "h"], bottom: ["g", "k"] } })
    const g = diagramGraph(d)
    expect(g.nodes.map((n) => n.label)).toEqual(["A", "B", "C", "D"])
    expect(g.notes).toEqual(["top = h∘f : A → D", "bottom = k∘g : A → D"])
    const svg = await toSvg(g)
    expect(count(svg, "edge")).toBe(4)
  })

  it("draws a state machine with its cycle noted", () => {
    const F = freeCategory({
      objects: ["Running", "Paused"],
      arrows: [
        { name: "pause", dom: "Running", cod: "Paused" },
        { name: "resume", dom: "Paused", cod: "Running" },
      ],
    })
    expect(toDot(freeCategoryGraph(F))).toContain("cycle: pause ; resume")
  })

  it("rejects DOT that Graphviz cannot parse, with its messages", async () => {
    await expect(dotToSvg("digraph { a -> }")).rejects.toBeInstanceOf(DotRenderError)
    await expect(dotToSvg("digraph { a -> }")).rejects.toThrow(/syntax error/)
  })
})
