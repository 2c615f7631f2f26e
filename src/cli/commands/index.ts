import type { Command } from "commander"
import { register as check } from "./check.ts"
import { register as capacity } from "./capacity.ts"
import { register as diagram } from "./diagram.ts"
import { register as drain } from "./drain.ts"
import { register as hpa } from "./hpa.ts"
import { register as ledger } from "./ledger.ts"
import { register as quantity } from "./quantity.ts"
import { register as quota } from "./quota.ts"
import { register as resilience } from "./resilience.ts"
import { register as run } from "./run.ts"
import { register as schedule } from "./schedule.ts"
import { register as simulate } from "./simulate.ts"
import { register as verify } from "./verify.ts"

/** Every subcommand, in the order `--help` lists them. @since 0.1.0 @category cli */
export const commands: ReadonlyArray<(program: Command) => void> = [
  run,
  check,
  schedule,
  drain,
  resilience,
  capacity,
  quota,
  simulate,
  hpa,
  verify,
  ledger,
  diagram,
  quantity,
]
