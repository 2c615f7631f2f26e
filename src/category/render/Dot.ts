import type { RenderGraph } from "./RenderGraph.ts"

/**
 * Graphviz DOT text for a {@link RenderGraph}. Notes go into the graph label, one per line,
 * left-aligned at the bottom.
 *
 * @since 0.1.0
 */

/** A double-quoted DOT string: backslash and quote escaped, newlines as `\n`. @since 0.1.0 @category destructors */
export const dotString = (s: string): string => `"${s.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n")}"`

/**
 * Renders a graph as a DOT digraph, left to right.
 *
 * @example
 * // digraph "loops" { rankdir=LR; n0 [label="A"]; n0 -> n0 [label="x"]; }
 *
 * @since 0.1.0
 * @category destructors
 */
export const toDot = (g: RenderGraph): string => {
  const lines = [`digraph ${dotString(g.name)} {`, "  rankdir=LR;", '  node [shape=box, style=rounded, fontname="Helvetica"];', '  edge [fontname="Helvetica"];']
  for (const n of g.nodes) lines.push(`  ${n.id} [label=${dotString(n.label)}];`)
  for (const e of g.edges) lines.push(`  ${e.from} -> ${e.to} [label=${dotString(e.label)}];`)
  if (g.notes.length > 0) {
    // "\l" ends a left-justified line in a DOT label; it must not be escaped.
    const body = g.notes.map((note) => dotString(note).slice(1, -1) + "\\l").join("")
    lines.push(`  label="${body}";`, "  labelloc=b;", "  labeljust=l;")
  }
  lines.push("}")
  return `${lines.join("\n")}\n`
}
