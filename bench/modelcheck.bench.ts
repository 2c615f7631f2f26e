/**
 * `mc-vm-lifecycle-8`: full BFS of 8 independent VM lifecycles (S3.2: Stopped → Starting →
 * Running, Running ↔ Paused, Running ↔ Migrating, Running → Stopping → Stopped), exactly
 * 6⁸ = 1,679,616 states. The reference explicit-state checker spin (-O2, BFS) explores the
 * equivalent Promela model in about 6 s on the project's machine.
 */
import { explore, product, vmLifecycle } from "../src/verification/index.ts"
import { timed, type Benchmark } from "./Benchmark.ts"

/** The only state count this model may have; a different count is a bug, not a measurement. */
const expectedStates = (n: number): number => 6 ** n

export const modelcheck: Benchmark = {
  name: "mc-vm-lifecycle-8",
  description: "explicit-state BFS of 8 VM lifecycles (6^8 = 1,679,616 states), states/s",
  run: ({ quick, progress }) => {
    const n = quick ? 6 : 8
    // warm the JIT on a small instance so the measurement is the steady-state search
    explore(product("warm-up", Array.from({ length: 4 }, (_, i) => vmLifecycle(`vm${i}`))))
    const system = product(`${n} VM lifecycles`, Array.from({ length: n }, (_, i) => vmLifecycle(`vm${i}`)))
    const { seconds, result } = timed(() =>
      explore(system, { progress: (p) => progress(`${p.states.toLocaleString("en-US")} states, depth ${p.depth}, ${p.seconds.toFixed(1)} s`) }),
    )
    if (result.states !== expectedStates(n) || !result.complete) {
      throw new Error(`mc-vm-lifecycle-${n}: explored ${result.states} states (complete: ${result.complete}), expected exactly 6^${n} = ${expectedStates(n)}`)
    }
    const statesPerSecond = Math.round(result.states / seconds)
    return {
      name: `mc-vm-lifecycle-${n}`,
      unit: "states/s",
      value: statesPerSecond,
      states: result.states,
      transitions: result.transitions,
      seconds,
      statesPerSecond,
      depth: result.depth,
      bytesPerState: Math.round((result.set.bytes / result.states) * 10) / 10,
    }
  },
}
