import type { RenderGraph } from "./RenderGraph.ts"

/**
 * Mermaid flowchart text for a {@link RenderGraph}: paste it into Markdown (GitHub renders
 * ```` ```mermaid ```` blocks) or the Mermaid live editor.
 *
 * @since 0.1.0
 */

/** Escapes a label for a quoted Mermaid string (`"` → `#quot;`). @since 0.1.0 @category destructors */
export const mermaidLabel = (s: string): string => `"${s.replace(/"/g, "#quot;").replace(/\n/g, "<br/>")}"`

/**
 * Renders a graph as a Mermaid flowchart, left to right; notes become `%%` comments.
 *
 * @example
 * // flowchart LR
 * //   n0["A"]
 * //   n0 -->|"x"| n0
 *
 * @since 0.1.0
 * @category destructors
 */
export const toMermaid = (g: RenderGraph): string => {
  const lines = ["---", `title: ${JSON.stringify(g.name)}`, "---", "flowchart LR"]
  for (const n of g.nodes) lines.push(`  ${n.id}[${mermaidLabel(n.label)}]`)
  for (const e of g.edges) lines.push(`  ${e.from} -->|${mermaidLabel(e.label)}| ${e.to}`)
  for (const note of g.notes) lines.push(`  %% ${note.replace(/\n/g, " ")}`)
  return `${lines.join("\n")}\n`
}
