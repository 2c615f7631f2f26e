/**
 * Reports: SVG charts and a self-contained HTML document.
 * @since 0.1.0
 */
export * from "./Chart.ts"
export * from "./Html.ts"
export * from "./Inline.ts"
