/**
 * Type-level tests for the model checker. Checked by `npm run typecheck` (tsc): every
 * `@ts-expect-error` below must stay an error, every other line must compile.
 */
import { seedVmMachine } from "../../src/domain/state/machines.ts"
import {
  always,
  leadsTo,
  machineOf,
  proposition,
  type CheckResult,
  type Formula,
  type Machine,
  type ScenarioCheck,
} from "../../src/verification/index.ts"

const running = proposition("running", (w, at) => w[at] === 1)

// --- must compile ---
export const f1: Formula = always(running)
export const f2: Formula = leadsTo(running, running)
export const m1: Machine = machineOf(seedVmMachine, "vm0", ["started"])
export const m2: Machine = { name: "m", states: ["A", "B"], initial: "A", transitions: [["A", "go", "B"]] }

// --- must not compile ---
// @ts-expect-error a formula is over propositions, not bare predicates
export const e1: Formula = always((w: Int32Array, at: number) => w[at] === 1)
// @ts-expect-error leads-to needs its target
export const e2: Formula = leadsTo(running)
// @ts-expect-error a transition is [from, action, to]
export const e3: Machine = { name: "m", states: ["A"], initial: "A", transitions: [["A", "A"]] }
// @ts-expect-error a scenario check must say whether it decides the claim or is a control
export const e4: ScenarioCheck = { name: "x", build: () => ({ system: undefined as never, formula: f1 }), expected: "holds", because: "" }
// @ts-expect-error a check's status is holds | violated | unknown, never the ledger's "fails"
export const e5: CheckResult["status"] = "fails"
// @ts-expect-error predicates read packed words, not decoded objects
export const e6 = proposition("bad", (state: { vm: string }) => state.vm === "Running")
