// The Node.js runtime Stratus ships for nodejs18.x/20.x/22.x: a Lambda Runtime API client in plain Node, no npm
// dependencies. Start it with `node bootstrap.mjs` and AWS_LAMBDA_RUNTIME_API, _HANDLER (file.export) and
// LAMBDA_TASK_ROOT in the environment (see README.md next to this file).
import module from 'node:module';
import { RuntimeClient } from './runtime-client.mjs';
import { loadHandler } from './handler-loader.mjs';
import { buildContext, invoke } from './invoke.mjs';
import { formatForLog, toRuntimeError, UnhandledPromiseRejection } from './errors.mjs';
import { patchConsole, setRequestId } from './logging.mjs';
import { bufferStreamingHandler, installGlobal, streamedBody } from './streaming.mjs';

const client = new RuntimeClient(process.env.AWS_LAMBDA_RUNTIME_API);
const taskRoot = process.env.LAMBDA_TASK_ROOT || process.cwd();
let currentRequestId;

// An error nobody caught ends the environment, as on AWS: reported against the invocation (or init), then exit.
async function reportFatal(error, exitCode) {
  console.error(currentRequestId ? 'Invoke Error' : 'Init Error', formatForLog(error));
  try {
    const document = toRuntimeError(error);
    await (currentRequestId ? client.postError(currentRequestId, document) : client.postInitError(document));
  } finally {
    process.exit(exitCode);
  }
}

function serialize(result) {
  const raw = streamedBody(result);
  if (raw !== undefined) {
    return raw.toString('utf8');
  }
  return JSON.stringify(result === undefined ? null : result);
}

async function serve(handler) {
  for (;;) {
    const { headers, body } = await client.next();
    const requestId = headers['lambda-runtime-aws-request-id'];
    currentRequestId = requestId;
    setRequestId(requestId);
    if (headers['lambda-runtime-trace-id']) {
      process.env._X_AMZN_TRACE_ID = headers['lambda-runtime-trace-id'];
    } else {
      delete process.env._X_AMZN_TRACE_ID;
    }

    let outcome;
    try {
      outcome = await invoke(handler, JSON.parse(body), buildContext(headers));
    } catch (error) {
      outcome = { error };
    }

    let payload;
    if (!('error' in outcome)) {
      try {
        payload = serialize(outcome.result);
      } catch {
        outcome = { error: new Error('Unable to stringify response body') };
      }
    }

    if ('error' in outcome) {
      console.error('Invoke Error', formatForLog(outcome.error));
      await client.postError(requestId, toRuntimeError(outcome.error));
    } else {
      await client.postResponse(requestId, payload);
    }
    currentRequestId = undefined;
  }
}

async function main() {
  patchConsole();
  installGlobal();
  process.on('uncaughtException', (error) => reportFatal(error, 129));
  process.on('unhandledRejection', (reason) => reportFatal(new UnhandledPromiseRejection(String(reason)), 128));
  // Only when there is something to find there: the hook runs on a loader thread that costs start-up time.
  if (process.env.NODE_PATH && typeof module.register === 'function') {
    module.register('./node-path-hooks.mjs', import.meta.url);
  }

  let handler;
  try {
    handler = bufferStreamingHandler(await loadHandler(taskRoot, process.env._HANDLER ?? ''));
  } catch (error) {
    await reportFatal(error, 129);
    return;
  }
  await serve(handler);
}

// Not a top-level await: the loop must let the event loop drain (beforeExit) while a callback handler finishes.
main().catch((error) => reportFatal(error, 129));
