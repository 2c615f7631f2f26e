/**
 * Transition systems written as guarded commands over named fields: each command has an action
 * name, a guard on the current state and an update of the next state. Convenient for the small
 * models of the scenarios (shared capacity, quota counters, migration phases) where a plain
 * product of machines does not fit. Commands sharing an action name share a label (a
 * nondeterministic choice inside one action, e.g. "schedule vm1" on any node that fits).
 *
 * Commands are closures built once; the successor loop reuses two cursor objects and allocates
 * nothing per state.
 *
 * @since 0.1.0
 */
import { getField, layout, setField, type Field, type Layout } from "./Layout.ts"
import type { TransitionSystem } from "./TransitionSystem.ts"

/**
 * A cursor on an encoded state: read and write fields by index.
 *
 * @since 0.1.0
 * @category model
 */
export interface StateView {
  /** The value of field `field`. */
  readonly get: (field: number) => number
  /** Writes `value` into field `field`. */
  readonly set: (field: number, value: number) => void
}

/**
 * A field declaration: `values` distinct values, shown through `names` when given.
 *
 * @since 0.1.0
 * @category model
 */
export interface FieldSpec {
  readonly name: string
  readonly values: number
  readonly names?: ReadonlyArray<string>
}

/**
 * A guarded command.
 *
 * @since 0.1.0
 * @category model
 */
export interface Command {
  readonly action: string
  /** Weakly fair (a controller's step) or not (a user's request). Default false. */
  readonly fair?: boolean
  /** Whether the command is enabled in state `s`. */
  readonly guard: (s: StateView) => boolean
  /** Writes the next state into `next` (which starts as a copy of `s`). */
  readonly update: (s: StateView, next: StateView) => void
}

/**
 * The parts of a guarded-command system.
 *
 * @since 0.1.0
 * @category model
 */
export interface GuardedSpec {
  readonly name: string
  readonly fields: ReadonlyArray<FieldSpec>
  /** Initial states as field values (several allowed). */
  readonly initial: ReadonlyArray<ReadonlyArray<number>>
  readonly commands: ReadonlyArray<Command>
}

/**
 * A guarded-command system, with a reader for propositions.
 *
 * @since 0.1.0
 * @category model
 */
export interface GuardedSystem extends TransitionSystem {
  /** Reads field `field` of the state at `words[at …]`. */
  readonly read: (words: Int32Array, at: number, field: number) => number
  readonly layout: Layout
}

/**
 * Builds a transition system from guarded commands.
 *
 * @example
 * import { guarded } from "catcluster/verification"
 * const counter = guarded({
 *   name: "counter", fields: [{ name: "x", values: 4 }], initial: [[0]],
 *   commands: [{ action: "inc", guard: (s) => s.get(0) < 3, update: (s, t) => t.set(0, s.get(0) + 1) }],
 * })
 *
 * @since 0.1.0
 * @category constructors
 */
export const guarded = (spec: GuardedSpec): GuardedSystem => {
  const l = layout(spec.fields)
  const fields: ReadonlyArray<Field> = l.fields
  const width = l.width
  const actions: string[] = []
  const fairActions: number[] = []
  const labelOf = spec.commands.map((c) => {
    let label = actions.indexOf(c.action)
    if (label < 0) {
      label = actions.length
      actions.push(c.action)
    }
    if (c.fair === true && !fairActions.includes(label)) fairActions.push(label)
    return label
  })
  const commandLabel = Uint8Array.from(labelOf)
  const commands = spec.commands

  // cursors reused across calls: (words, at) are swapped in, never reallocated
  let readWords: Int32Array = new Int32Array(0)
  let readAt = 0
  let writeWords: Int32Array = new Int32Array(0)
  let writeAt = 0
  const current: StateView = {
    get: (f) => getField(readWords, readAt, fields[f]!),
    set: () => {
      throw new Error("guarded: a guard or update wrote to the current state; write to `next`")
    },
  }
  const next: StateView = {
    get: (f) => getField(writeWords, writeAt, fields[f]!),
    set: (f, v) => {
      const field = fields[f]!
      if (!Number.isInteger(v) || v < 0 || v >= field.values) {
        throw new RangeError(`guarded ${spec.name}: field ${field.name} set to ${v}, outside 0 … ${field.values - 1}`)
      }
      setField(writeWords, writeAt, field, v)
    },
  }

  const successors = (words: Int32Array, at: number, out: Int32Array, labels: Uint8Array): number => {
    readWords = words
    readAt = at
    writeWords = out
    let k = 0
    for (let c = 0; c < commands.length; c++) {
      const command = commands[c]!
      if (!command.guard(current)) continue
      const o = k * width
      for (let i = 0; i < width; i++) out[o + i] = words[at + i]!
      writeAt = o
      command.update(current, next)
      labels[k++] = commandLabel[c]!
    }
    return k
  }

  const encodeValues = (values: ReadonlyArray<number>, path: string): ReadonlyArray<number> => {
    if (values.length !== fields.length) throw new RangeError(`${path}: expected ${fields.length} field values, got ${values.length}`)
    const words = new Int32Array(width)
    values.forEach((v, i) => {
      if (!Number.isInteger(v) || v < 0 || v >= fields[i]!.values) throw new RangeError(`${path}[${i}] (${fields[i]!.name}): ${v} outside 0 … ${fields[i]!.values - 1}`)
      setField(words, 0, fields[i]!, v)
    })
    return Array.from(words)
  }

  return {
    name: spec.name,
    width,
    actions,
    fairActions,
    maxSuccessors: Math.max(1, commands.length),
    initial: spec.initial.map((s, i) => encodeValues(s, `${spec.name}.initial[${i}]`)),
    successors,
    describe: (words, at) => {
      const out: Record<string, string | number> = {}
      spec.fields.forEach((f, i) => {
        const v = getField(words, at, fields[i]!)
        out[f.name] = f.names?.[v] ?? v
      })
      return out
    },
    read: (words, at, field) => getField(words, at, fields[field]!),
    layout: l,
  }
}
