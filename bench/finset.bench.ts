/**
 * finset-pushout-1e6 and finset-coequalizer-1e6: FinSet colimits by union–find on typed arrays.
 *
 * Inputs are random total functions (seeded, seed reported): for the coequalizer two functions
 * f, g : A → B with |A| = |B| = 10⁶; for the pushout a span A ← C → B with |A| = |B| = |C| = 10⁶.
 * The reported value is the median wall time of building the (co)limit — union–find, class
 * numbering, the quotient maps — over several rounds after a warm-up; the class count is
 * reported too, so a wrong gluing would show as a changed number.
 */
import { coequalizer, finFunctionUnchecked, finSet, pushout, type FinFunction } from "../src/category/finset/index.ts"
import { makeRng } from "../src/dynamics/random/Rng.ts"
import { timed, type Benchmark, type BenchOptions, type BenchResult } from "./Benchmark.ts"

const SEED = 20261127

const randomFunction = (domain: number, codomain: number, seed: number): FinFunction => {
  const rng = makeRng(seed)
  const map = new Int32Array(domain)
  for (let i = 0; i < domain; i++) map[i] = rng.nextInt(codomain)
  return finFunctionUnchecked(finSet(domain), finSet(codomain), map)
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)] as number
}

const measure = (
  name: string,
  n: number,
  options: BenchOptions,
  build: (f: FinFunction, g: FinFunction) => number,
  shape: (n: number) => readonly [number, number],
): BenchResult => {
  const [dom, cod] = shape(n)
  options.progress(`${name}: generating two random functions ${dom} → ${cod} (seed ${SEED})`)
  const f = randomFunction(dom, cod, SEED)
  const g = randomFunction(dom, cod, SEED + 1)
  build(f, g) // warm-up (JIT)
  const rounds = options.quick ? 3 : 7
  const times: number[] = []
  let classes = 0
  for (let r = 0; r < rounds; r++) {
    options.progress(`${name}: round ${r + 1}/${rounds}`)
    const t = timed(() => build(f, g))
    times.push(t.seconds)
    classes = t.result
  }
  return { name, unit: "s", value: median(times), elements: n, classes, rounds, min: Math.min(...times), seed: SEED }
}

export const finsetCoequalizer: Benchmark = {
  name: "finset-coequalizer-1e6",
  description: "FinSet: coequalizer of two random functions 10⁶ → 10⁶ (union–find), median seconds",
  run: (options) => measure("finset-coequalizer-1e6", options.quick ? 100_000 : 1_000_000, options, (f, g) => coequalizer(f, g).nadir.size, (n) => [n, n]),
}

export const finsetPushout: Benchmark = {
  name: "finset-pushout-1e6",
  description: "FinSet: pushout of a random span 10⁶ ← 10⁶ → 10⁶ (union–find), median seconds",
  run: (options) => measure("finset-pushout-1e6", options.quick ? 100_000 : 1_000_000, options, (f, g) => pushout(f, g).nadir.size, (n) => [n, n]),
}
