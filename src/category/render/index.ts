/**
 * Pictures of presentations, diagrams and state machines: Mermaid, Graphviz DOT, and SVG
 * through Graphviz compiled to WebAssembly.
 *
 * @since 0.1.0
 */
export * from "./Dot.ts"
export * from "./Mermaid.ts"
export * from "./RenderGraph.ts"
export * from "./Svg.ts"
export * from "./FunctorDot.ts"
