/**
 * InterPodAffinity's manifest fixtures (test/scheduler/fixtures/interpodaffinity/expected.json)
 * through `catcluster schedule --explain --json` and in-process, on both engines.
 */
import { describeFamily } from "../fixtureCases.ts"

describeFamily("interpodaffinity", { hot: true, atLeast: 8 })
