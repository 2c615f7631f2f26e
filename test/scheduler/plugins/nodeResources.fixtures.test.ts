/**
 * NodeResourcesFit's manifest fixtures (test/scheduler/fixtures/noderesources/expected.json),
 * cases of Kubernetes' own noderesources tables, through `catcluster schedule --explain --json`
 * and in-process, on both engines. The whole tables run in-process in *.upstream.test.ts.
 */
import { describeFamily } from "../fixtureCases.ts"

describeFamily("noderesources", { hot: true, atLeast: 5 })
