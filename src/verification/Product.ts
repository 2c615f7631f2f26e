/**
 * Products of component state machines: N finite machines run side by side, one moving at a
 * time (interleaving), each machine a field of the packed state. N VM lifecycles, a pod per
 * node, … The product's actions are `machine.action`; which of them are weakly fair is given per
 * action name.
 *
 * The successor function is table-driven: per (machine, local state) a slice of (target, label)
 * pairs in typed arrays, so generating a successor is one copy of the state and one field write.
 *
 * @since 0.1.0
 */
import { seedVmMachine } from "../domain/state/machines.ts"
import type { TransitionGraph } from "../domain/state/TransitionGraph.ts"
import { layout, type Layout } from "./Layout.ts"
import type { TransitionSystem } from "./TransitionSystem.ts"

/**
 * A finite state machine with named states and labelled transitions `[from, action, to]`.
 *
 * @since 0.1.0
 * @category model
 */
export interface Machine {
  readonly name: string
  readonly states: ReadonlyArray<string>
  readonly initial: string
  readonly transitions: ReadonlyArray<readonly [from: string, action: string, to: string]>
  /** Action names (of this machine) that are weakly fair. Default: none. */
  readonly fair?: ReadonlyArray<string>
}

/**
 * A machine that does not make sense (unknown state names, …); `path` names where.
 *
 * @since 0.1.0
 * @category errors
 */
export class MachineError extends Error {
  readonly _tag = "MachineError" as const
  constructor(
    readonly path: string,
    readonly problem: string,
  ) {
    super(`${path}: ${problem}`)
    this.name = "MachineError"
  }
}

/**
 * A product system, with its layout (field i = machine i).
 *
 * @since 0.1.0
 * @category model
 */
export interface ProductSystem extends TransitionSystem {
  readonly layout: Layout
  readonly machines: ReadonlyArray<Machine>
}

/**
 * The interleaving product of machines.
 *
 * @example
 * import { product, vmLifecycle } from "catcluster/verification"
 * const eight = product("8 VMs", Array.from({ length: 8 }, (_, i) => vmLifecycle(`vm${i}`)))
 *
 * @since 0.1.0
 * @category constructors
 */
export const product = (name: string, machines: ReadonlyArray<Machine>): ProductSystem => {
  const l = layout(machines.map((m) => ({ name: m.name, values: m.states.length })))
  const actions: string[] = []
  const fairActions: number[] = []
  const actionIndex = new Map<string, number>()
  const rows: Array<Array<{ readonly to: number; readonly label: number }>> = []
  const base: number[] = []
  machines.forEach((m, mi) => {
    const stateIndex = (s: string, path: string): number => {
      const i = m.states.indexOf(s)
      if (i < 0) throw new MachineError(path, `unknown state '${s}' (states: ${m.states.join(", ")})`)
      return i
    }
    stateIndex(m.initial, `machines[${mi}].initial`)
    base.push(rows.length)
    const local = m.states.map(() => [] as Array<{ readonly to: number; readonly label: number }>)
    m.transitions.forEach(([from, action, to], ti) => {
      const key = `${m.name}.${action}`
      let label = actionIndex.get(key)
      if (label === undefined) {
        label = actions.length
        actions.push(key)
        actionIndex.set(key, label)
        if (m.fair?.includes(action) === true) fairActions.push(label)
      }
      local[stateIndex(from, `machines[${mi}].transitions[${ti}][0]`)]!.push({ to: stateIndex(to, `machines[${mi}].transitions[${ti}][2]`), label })
    })
    rows.push(...local)
  })
  if (actions.length > 255) throw new MachineError("machines", `at most 255 actions in a product, got ${actions.length}`)
  // flat tables: row r = (machine, local state); its moves are rowStart[r] … rowStart[r+1]
  const rowStart = new Int32Array(rows.length + 1)
  rows.forEach((r, i) => (rowStart[i + 1] = rowStart[i]! + r.length))
  const moveTo = new Int32Array(rowStart[rows.length]!)
  const moveLabel = new Uint8Array(rowStart[rows.length]!)
  rows.forEach((r, i) => r.forEach((mv, k) => ((moveTo[rowStart[i]! + k] = mv.to), (moveLabel[rowStart[i]! + k] = mv.label))))
  const fieldWord = Int32Array.from(l.fields, (f) => f.word)
  const fieldShift = Int32Array.from(l.fields, (f) => f.shift)
  const fieldMask = Int32Array.from(l.fields, (f) => f.mask)
  const rowBase = Int32Array.from(base)
  const width = l.width
  const count = machines.length
  const maxSuccessors = machines.reduce((sum, m, mi) => sum + Math.max(0, ...m.states.map((_, s) => rows[base[mi]! + s]!.length)), 0)

  const successors = (words: Int32Array, at: number, out: Int32Array, labels: Uint8Array): number => {
    let n = 0
    for (let m = 0; m < count; m++) {
      const word = fieldWord[m]!
      const shift = fieldShift[m]!
      const mask = fieldMask[m]!
      const current = words[at + word]!
      const row = rowBase[m]! + ((current >>> shift) & mask)
      const cleared = current & ~(mask << shift)
      for (let k = rowStart[row]!; k < rowStart[row + 1]!; k++) {
        const o = n * width
        for (let i = 0; i < width; i++) out[o + i] = words[at + i]!
        out[o + word] = cleared | (moveTo[k]! << shift)
        labels[n] = moveLabel[k]!
        n++
      }
    }
    return n
  }

  const initialWords = new Int32Array(width)
  machines.forEach((m, mi) => {
    const f = l.fields[mi]!
    initialWords[f.word] = initialWords[f.word]! | (m.states.indexOf(m.initial) << f.shift)
  })

  return {
    name,
    width,
    actions,
    fairActions,
    maxSuccessors,
    initial: [Array.from(initialWords)],
    successors,
    describe: (words, at) => {
      const out: Record<string, string> = {}
      machines.forEach((m, mi) => {
        const f = l.fields[mi]!
        out[m.name] = m.states[(words[at + f.word]! >>> f.shift) & f.mask] ?? "?"
      })
      return out
    },
    layout: l,
    machines,
  }
}

/**
 * A component machine from one of the domain's transition graphs (`src/domain/state`), named
 * `name`, starting in the graph's first initial state, with the given actions weakly fair.
 *
 * @since 0.1.0
 * @category constructors
 */
export const machineOf = <S extends string>(graph: TransitionGraph<S>, name: string, fair: ReadonlyArray<string> = []): Machine => {
  const initial = graph.initial[0]
  if (initial === undefined) throw new MachineError(`${graph.name}.initial`, "no initial state")
  return { name, states: graph.states, initial, transitions: graph.transitions.map((t) => [t.from, t.label, t.to] as const), fair }
}

/**
 * The seed's VM lifecycle (S3.2, the domain's `seedVmMachine`): Stopped → Starting → Running,
 * Running ↔ Paused, Running ↔ Migrating, Running → Stopping → Stopped. Six states. The
 * controller-driven steps (`started`, `migrated`, `stopped`) are weakly fair; the user's
 * requests are not.
 *
 * @since 0.1.0
 * @category constructors
 */
export const vmLifecycle = (name: string): Machine => machineOf(seedVmMachine, name, ["started", "migrated", "stopped"])
