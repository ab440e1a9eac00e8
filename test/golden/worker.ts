/** A worker_threads worker that runs the golden scenario and posts its results JSON. */
import { parentPort } from 'node:worker_threads';
import { goldenResultsJson } from './run-small';

void goldenResultsJson().then((json) => parentPort!.postMessage(json));
