/**
 * A bot-planning worker thread (started by `BotWorkerPool` through src/sim/worker-boot.mjs): plans one job at a time
 * with the same functions the server would run in its own thread, so a plan is the same wherever it is made. States
 * hold only their scenario's hash: a job carries the document the first time this worker meets that hash.
 */
import { parentPort } from 'node:worker_threads';
import { registerScenario } from '../game/scenario-registry';
import { type PlanJob, type PlanReply, planJob } from './bot-pool';

parentPort?.on('message', (job: PlanJob) => {
  let reply: PlanReply;
  try {
    if (job.scenario) registerScenario(job.scenario);
    reply = { id: job.id, actions: planJob(job) };
  } catch (error) {
    reply = { id: job.id, error: error instanceof Error ? error.message : String(error) };
  }
  parentPort?.postMessage(reply);
});
parentPort?.postMessage({ ready: true });
