/**
 * The queue's plugins as manifest fixtures (test/scheduler/fixtures/prioritysort/,
 * fixtures/schedulinggates/): the order a batch is scheduled in, visible when pods compete for one
 * slot, and gated pods kept out of the queue — through `catcluster schedule --explain --json` and
 * in-process, on both engines.
 */
import { describeFamily } from "./fixtureCases.ts"

describeFamily("prioritysort", { hot: true, atLeast: 6 })
describeFamily("schedulinggates", { hot: true, atLeast: 4 })
