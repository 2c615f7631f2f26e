/**
 * PodTopologySpread's manifest fixtures (test/scheduler/fixtures/podtopologyspread/expected.json)
 * through `catcluster schedule --explain --json` and in-process, on both engines.
 */
import { describeFamily } from "../fixtureCases.ts"

describeFamily("podtopologyspread", { hot: true, atLeast: 8 })
