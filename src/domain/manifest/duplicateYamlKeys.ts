/**
 * Keys given twice in one YAML mapping, as the object a manifest becomes sees them. The `yaml`
 * package (with `uniqueKeys`) flags two keys of equal value but says neither the key nor the
 * path; and keys of different YAML types that become the same JSON key (`1:` and `"1":`, or
 * YAML 1.1's `on:` and `true:`) it does not flag at all, while converting the document keeps
 * the last value silently. Here each repeat is named with the path of its mapping and its line.
 *
 * @since 0.1.0
 */
import { isAlias, isMap, isScalar, isSeq } from "yaml"
import type { Document, LineCounter } from "yaml"
import type { PathSegment } from "./JsonPath.ts"

/**
 * A key given again in a mapping of a YAML document.
 *
 * @since 0.1.0
 * @category model
 */
export interface DuplicateYamlKey {
  /** The mapping holding the key, from the document's root. */
  readonly path: ReadonlyArray<PathSegment>
  /** The key as the converted object holds it (`1` and `"1"` are both `"1"`). */
  readonly key: string
  /** Where the repeated occurrence is (1-based), when the parser placed it. */
  readonly line?: number
  readonly column?: number
}

/** A scalar key's text in the converted object, as the `yaml` package turns it into one; undefined for merge keys. */
const jsonKey = (value: unknown): string | undefined => {
  // `<<` merge keys resolve to a fresh symbol each: merging is not repeating a key
  if (typeof value === "symbol") return undefined
  return value === null || value === undefined ? "" : String(value)
}

/**
 * Every key repeated in a mapping of a parsed YAML document, mapping by mapping (outer ones
 * first, each in document order). Aliases are
 * not followed (their anchors are walked where they stand); complex keys (sequences, mappings)
 * are left to the check that refuses them. Iterative: any nesting the parser accepted.
 *
 * @example
 * import { LineCounter, parseDocument } from "yaml"
 * import { duplicateKeysInYaml } from "catcluster/domain/manifest"
 * const lineCounter = new LineCounter()
 * const doc = parseDocument("spec:\n  a: 1\n  a: 2\n", { lineCounter })
 * duplicateKeysInYaml(doc, lineCounter) // [{ path: ["spec"], key: "a", line: 3, column: 3 }]
 *
 * @since 0.1.0
 * @category destructors
 */
export const duplicateKeysInYaml = (doc: Document, lineCounter?: LineCounter): ReadonlyArray<DuplicateYamlKey> => {
  const out: DuplicateYamlKey[] = []
  const stack: Array<{ readonly node: unknown; readonly path: ReadonlyArray<PathSegment> }> = [{ node: doc.contents, path: [] }]
  while (stack.length > 0) {
    const { node, path } = stack.pop()!
    if (isSeq(node)) {
      for (let i = node.items.length - 1; i >= 0; i--) stack.push({ node: node.items[i], path: [...path, i] })
      continue
    }
    if (!isMap(node)) continue
    const seen = new Set<string>()
    const children: Array<{ readonly node: unknown; readonly path: ReadonlyArray<PathSegment> }> = []
    for (const { key, value } of node.items) {
      const resolved = isAlias(key) ? key.resolve(doc) : key
      const name = isScalar(resolved) ? jsonKey(resolved.value) : undefined
      if (name !== undefined) {
        if (seen.has(name)) {
          const offset = isScalar(key) || isAlias(key) ? key.range?.[0] : undefined
          const at = offset === undefined || lineCounter === undefined ? undefined : lineCounter.linePos(offset)
          out.push({ path, key: name, ...(at === undefined ? {} : { line: at.line, column: at.col }) })
        } else seen.add(name)
      }
      children.push({ node: value, path: [...path, name ?? String(key)] })
    }
    // pushed in reverse so that repeats are found in document order
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!)
  }
  return out
}
