import util from 'node:util';

// console.* as Lambda's Node.js runtime shapes it: one stdout line per call, stamped with time, request id and level,
// as tab-separated text or as a JSON object (AWS_LAMBDA_LOG_FORMAT=JSON), filtered by AWS_LAMBDA_LOG_LEVEL.
// Newlines inside a message become carriage returns so that a stack trace stays one log event.

const LEVELS = { TRACE: 1, DEBUG: 2, INFO: 3, WARN: 4, ERROR: 5, FATAL: 6 };

let currentRequestId;

export function setRequestId(requestId) {
  currentRequestId = requestId;
}

function errorFields(params) {
  const error = params.find((param) => param instanceof Error);
  return error
    ? { errorType: error.constructor?.name ?? 'UnknownError', errorMessage: error.message, stackTrace: String(error.stack ?? '').split('\n') }
    : {};
}

function textLine(level, params) {
  return `${new Date().toISOString()}\t${currentRequestId}\t${level}\t${util.format(...params)}`;
}

function jsonLine(level, params) {
  const entry = { timestamp: new Date().toISOString(), level, requestId: currentRequestId };
  if (params.length === 1 && !(params[0] instanceof Error)) {
    entry.message = params[0];
    try {
      return JSON.stringify(entry);
    } catch {
      entry.message = util.format(params[0]);
      return JSON.stringify(entry);
    }
  }
  return JSON.stringify({ ...entry, message: util.format(...params), ...errorFields(params) });
}

export function patchConsole(env = process.env) {
  const format = env.AWS_LAMBDA_LOG_FORMAT?.toUpperCase() === 'JSON' ? jsonLine : textLine;
  const minimum = LEVELS[env.AWS_LAMBDA_LOG_LEVEL?.toUpperCase()] ?? LEVELS.TRACE;
  const writer = (level) => (LEVELS[level] < minimum
    ? () => {}
    : (...params) => process.stdout.write(format(level, params).replace(/\n/g, '\r') + '\n'));

  console.trace = writer('TRACE');
  console.debug = writer('DEBUG');
  console.info = writer('INFO');
  console.log = console.info;
  console.warn = writer('WARN');
  console.error = writer('ERROR');
  console.fatal = writer('FATAL');
}
