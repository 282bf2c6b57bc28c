// The runtime's own error types, named as AWS's Node.js runtime names them (errorType "Runtime.<Name>").
// https://docs.aws.amazon.com/lambda/latest/dg/nodejs-exceptions.html

class RuntimeError extends Error {
  constructor(message) {
    super(message);
    this.name = `Runtime.${new.target.runtimeName}`;
  }
}

export class ImportModuleError extends RuntimeError {
  static runtimeName = 'ImportModuleError';
}

export class HandlerNotFound extends RuntimeError {
  static runtimeName = 'HandlerNotFound';
}

export class MalformedHandlerName extends RuntimeError {
  static runtimeName = 'MalformedHandlerName';
}

export class UserCodeSyntaxError extends RuntimeError {
  static runtimeName = 'UserCodeSyntaxError';
}

export class UnhandledPromiseRejection extends RuntimeError {
  static runtimeName = 'UnhandledPromiseRejection';
}

export class NodeJsExit extends RuntimeError {
  static runtimeName = 'NodeJsExit';

  constructor() {
    super('The Lambda runtime client detected an unexpected Node.js exit code. This is most commonly caused by a Promise that was never settled.');
  }
}

function looksLikeError(value) {
  return value !== null && typeof value === 'object'
    && typeof value.name === 'string' && typeof value.message === 'string' && typeof value.stack === 'string';
}

/**
 * The error document posted to the Runtime API: errorType, errorMessage and the stack as an array of lines
 * ("trace"), or the value's type and text for things thrown that are not errors (callback('oops') gives "string").
 */
export function toRuntimeError(error) {
  try {
    if (error instanceof Error || looksLikeError(error)) {
      return { errorType: error.name, errorMessage: error.message, trace: String(error.stack ?? '').split('\n') };
    }
    return { errorType: typeof error, errorMessage: String(error), trace: [] };
  } catch {
    return {
      errorType: 'handled',
      errorMessage: 'callback called with Error argument, but there was a problem while retrieving one or more of its message, name, and stack',
    };
  }
}

/** The error as the runtime logs it: the document with the stack, on one tab-prefixed JSON line. */
export function formatForLog(error) {
  const document = toRuntimeError(error);
  return '\t' + JSON.stringify({ errorType: document.errorType, errorMessage: document.errorMessage, stack: document.trace });
}
