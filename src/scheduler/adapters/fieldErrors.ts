/**
 * Bad fields as the API server reports them (`k8s.io/apimachinery` field errors: `Invalid value`,
 * `Required value`, `Forbidden`, `Unsupported value`, `Duplicate value`), raised as
 * {@link SchedulerInputError}s located by file, document and JSON path.
 *
 * @since 0.1.0
 */
import { SchedulerInputError } from "../SchedulerInputError.ts"

/** From a JSON path inside an object to where it is (`file: document d, path`). @since 0.1.0 @category model */
export type Locate = (path: string) => string

/**
 * A locator for the fields under `prefix` (e.g. `spec.template.spec`).
 *
 * @since 0.1.0
 * @category combinators
 */
export const under =
  (locate: Locate, prefix: string): Locate =>
  (path) =>
    locate(prefix === "" ? path : path === "" ? prefix : path.startsWith("[") ? `${prefix}${path}` : `${prefix}.${path}`)

const show = (value: unknown): string => (typeof value === "number" || typeof value === "boolean" ? String(value) : JSON.stringify(value))

/** `Invalid value: <v>: <detail>`. @since 0.1.0 @category errors */
export const invalid = (at: string, value: unknown, detail: string): SchedulerInputError =>
  new SchedulerInputError(at, `Invalid value: ${show(value)}: ${detail}`)

/** `Required value: <detail>`. @since 0.1.0 @category errors */
export const required = (at: string, detail = ""): SchedulerInputError =>
  new SchedulerInputError(at, detail === "" ? "Required value" : `Required value: ${detail}`)

/** `Forbidden: <detail>`. @since 0.1.0 @category errors */
export const forbidden = (at: string, detail: string): SchedulerInputError => new SchedulerInputError(at, `Forbidden: ${detail}`)

/** `Unsupported value: <v>: supported values: …`. @since 0.1.0 @category errors */
export const unsupported = (at: string, value: unknown, supported: ReadonlyArray<string>): SchedulerInputError =>
  new SchedulerInputError(at, `Unsupported value: ${show(value)}: supported values: ${supported.map((s) => JSON.stringify(s)).join(", ")}`)

/** `Duplicate value: <v>`. @since 0.1.0 @category errors */
export const duplicate = (at: string, value: unknown): SchedulerInputError => new SchedulerInputError(at, `Duplicate value: ${show(value)}`)
