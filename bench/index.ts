import type { Benchmark } from "./Benchmark.ts"
import { cliStartup } from "./cliStartup.bench.ts"
import { fincatLaws } from "./fincat.bench.ts"
import { fincatComplete } from "./fincatComplete.bench.ts"
import { finsetCoequalizer, finsetPushout } from "./finset.bench.ts"
import { modelcheck } from "./modelcheck.bench.ts"
import { drain500 } from "./operations.bench.ts"
import { queueOrdered } from "./queue.bench.ts"
import { run500 } from "./run500.bench.ts"
import { schedule1mJson } from "./schedule1mJson.bench.ts"
import { schedule50k, schedule5k, schedule5kDistinct, schedule5kSpread } from "./scheduler.bench.ts"

/** Every benchmark `npm run bench` knows, in run order. Each area appends its own. */
export const benchmarks: ReadonlyArray<Benchmark> = [modelcheck, fincatLaws, fincatComplete, finsetPushout, finsetCoequalizer, schedule5k, schedule5kDistinct, schedule5kSpread, schedule50k, queueOrdered, schedule1mJson, run500, drain500, cliStartup]
