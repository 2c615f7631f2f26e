import { instance, type Viz } from "@viz-js/viz"
import { toDot } from "./Dot.ts"
import type { RenderGraph } from "./RenderGraph.ts"

/**
 * SVG through Graphviz compiled to WebAssembly (`@viz-js/viz`): no native binary needed.
 * The WebAssembly instance is created once, on first use.
 *
 * @since 0.1.0
 */

/**
 * Graphviz refused the DOT text; `messages` are its errors.
 *
 * @since 0.1.0
 * @category errors
 */
export class DotRenderError extends Error {
  readonly _tag = "DotRenderError" as const
  constructor(readonly messages: ReadonlyArray<string>) {
    super(`graphviz could not render the DOT text: ${messages.join("; ")}`)
    this.name = "DotRenderError"
  }
}

let viz: Promise<Viz> | undefined

/**
 * Renders DOT text to SVG. Rejects with {@link DotRenderError} when Graphviz cannot parse it.
 *
 * @since 0.1.0
 * @category destructors
 */
export const dotToSvg = async (dot: string): Promise<string> => {
  viz ??= instance()
  const result = (await viz).render(dot, { format: "svg" })
  if (result.status === "failure") throw new DotRenderError(result.errors.map((e) => e.message))
  return result.output
}

/**
 * Renders a graph to SVG text.
 *
 * @example
 * import { presentation } from "catcluster/category/fincat"
 * import { presentationGraph, toSvg } from "catcluster/category/render"
 * const svg = await toSvg(presentationGraph(presentation({ objects: ["A"], arrows: [] })))
 *
 * @since 0.1.0
 * @category destructors
 */
export const toSvg = (g: RenderGraph): Promise<string> => dotToSvg(toDot(g))
