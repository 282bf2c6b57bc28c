import { NodeJsExit } from './errors.mjs';

// One invocation with the Node.js programming model: async handlers settle with their promise; callback handlers
// settle on callback(error, result), and by default (callbackWaitsForEmptyEventLoop) only once the event loop has
// drained; a synchronous handler that never calls back succeeds with null when the loop drains.
// https://docs.aws.amazon.com/lambda/latest/dg/nodejs-handler.html

function isPromise(value) {
  return value !== null && typeof value === 'object' && typeof value.then === 'function';
}

function isAsyncFunction(fn) {
  return fn?.constructor?.name === 'AsyncFunction';
}

/** Builds the context object handed to the handler, from the /next headers and the environment. */
export function buildContext(headers, env = process.env) {
  const deadline = Number(headers['lambda-runtime-deadline-ms']);
  const parse = (value) => {
    if (value === undefined) {
      return undefined;
    }
    try {
      return JSON.parse(value);
    } catch {
      return undefined;
    }
  };
  return {
    functionName: env.AWS_LAMBDA_FUNCTION_NAME,
    functionVersion: env.AWS_LAMBDA_FUNCTION_VERSION,
    memoryLimitInMB: env.AWS_LAMBDA_FUNCTION_MEMORY_SIZE,
    logGroupName: env.AWS_LAMBDA_LOG_GROUP_NAME,
    logStreamName: env.AWS_LAMBDA_LOG_STREAM_NAME,
    invokedFunctionArn: headers['lambda-runtime-invoked-function-arn'],
    awsRequestId: headers['lambda-runtime-aws-request-id'],
    clientContext: parse(headers['lambda-runtime-client-context']),
    identity: parse(headers['lambda-runtime-cognito-identity']),
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
  };
}

/** Runs the handler; resolves with { result } or { error }, exactly once. */
export function invoke(handler, event, context) {
  return new Promise((resolve) => {
    let settled = false;
    let waitsForEmptyLoop = true;
    let pendingResult;

    const settle = (outcome) => {
      if (!settled) {
        settled = true;
        process.removeListener('beforeExit', onEmptyLoop);
        resolve(outcome);
      }
    };
    const onEmptyLoop = () => {
      if (pendingResult) {
        settle(pendingResult);
      } else if (isAsyncFunction(handler)) {
        settle({ error: new NodeJsExit() });
      } else {
        settle({ result: null });
      }
    };
    const callback = (error, result) => {
      if (settled || pendingResult) {
        return;
      }
      if (error !== undefined && error !== null) {
        settle({ error });
      } else if (waitsForEmptyLoop) {
        pendingResult = { result };
        // Settles in onEmptyLoop once timers and sockets the handler left behind are done.
      } else {
        settle({ result });
      }
    };

    Object.defineProperty(context, 'callbackWaitsForEmptyEventLoop', {
      get: () => waitsForEmptyLoop,
      set: (value) => { waitsForEmptyLoop = Boolean(value); },
      enumerable: true,
    });
    // The legacy context methods complete immediately, without waiting for the event loop.
    context.done = (error, result) => (error !== undefined && error !== null ? settle({ error }) : settle({ result }));
    context.succeed = (result) => settle({ result });
    context.fail = (error) => settle({ error: error ?? 'handled' });

    process.on('beforeExit', onEmptyLoop);
    try {
      const returned = handler(event, context, callback);
      if (isPromise(returned)) {
        returned.then((result) => settle({ result }), (error) => settle({ error }));
      }
    } catch (error) {
      settle({ error });
    }
  });
}
