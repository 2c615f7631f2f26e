/**
 * One YAML or JSON document as plain data, read strictly, for the files that are not manifests
 * (an HPA history, a category presentation): a key given twice in a mapping, or two keys the
 * converted object would merge (`1:` and `"1":`), is named with the key, its mapping's path, its
 * line and column, as manifests name it; the `yaml` package's own message ("Map keys must be
 * unique") names neither the key nor the path.
 *
 * @since 0.1.0
 */
import * as E from "fp-ts/lib/Either.js"
import { LineCounter, parseAllDocuments } from "yaml"
import { duplicateFieldProblem } from "./duplicateKeys.ts"
import { duplicateKeysInYaml } from "./duplicateYamlKeys.ts"
import { showPath } from "./JsonPath.ts"

/**
 * Why a document could not be read: where (path from the root, `""` for the document; line and
 * column, 1-based, when known) and the problem.
 *
 * @since 0.1.0
 * @category model
 */
export interface YamlValueError {
  readonly path: string
  readonly problem: string
  readonly line?: number
  readonly column?: number
}

/**
 * The value of a one-document YAML or JSON text, or the first problem: a duplicate key (before
 * any other parse error, so that it is named), malformed YAML, more than one document.
 *
 * @example
 * import { yamlValue } from "catcluster/domain/manifest"
 * yamlValue("a: 1\nb: {c: 2, c: 3}\n")
 * // left: { path: "b", problem: 'duplicate field "c" (a YAML or JSON reader would keep the last value silently)', line: 2, column: 11 }
 *
 * @since 0.1.0
 * @category decoding
 */
export const yamlValue = (text: string): E.Either<YamlValueError, unknown> => {
  const lineCounter = new LineCounter()
  const docs = parseAllDocuments(text, { lineCounter })
  const list = Array.isArray(docs) ? docs : []
  if (list.length > 1) return E.left({ path: "", problem: `expected one YAML or JSON document, got ${list.length}` })
  const doc = list[0]
  if (doc === undefined) return E.right(null)
  const repeated = duplicateKeysInYaml(doc, lineCounter)[0]
  if (repeated !== undefined) {
    return E.left({
      path: showPath(repeated.path),
      problem: duplicateFieldProblem(repeated.key, repeated.path, "own"),
      ...(repeated.line === undefined ? {} : { line: repeated.line, column: repeated.column ?? 1 }),
    })
  }
  const error = doc.errors[0]
  if (error !== undefined) {
    const pos = error.linePos?.[0]
    // the parser recurses per nesting level: name the limit rather than the engine's words
    const problem = /Maximum call stack size exceeded/.test(error.message) ? "nested deeper than the YAML parser can read" : `malformed YAML: ${error.message.split("\n")[0] ?? error.code}`
    return E.left({ path: "", problem, ...(pos === undefined ? {} : { line: pos.line, column: pos.col }) })
  }
  try {
    return E.right(doc.toJS())
  } catch (e) {
    // an alias expanded past the parser's limit, or nesting past the stack
    return E.left({ path: "", problem: `cannot read YAML: ${e instanceof Error ? e.message.split("\n")[0] : String(e)}` })
  }
}

/**
 * A {@link YamlValueError} in one line, as manifests' errors read: `file:line:column: path: problem`.
 *
 * @since 0.1.0
 * @category destructors
 */
export const showYamlValueError = (file: string, e: YamlValueError): string =>
  `${file}${e.line === undefined ? "" : `:${e.line}:${e.column ?? 1}`}: ${e.path === "" ? "" : `${e.path}: `}${e.problem}`
