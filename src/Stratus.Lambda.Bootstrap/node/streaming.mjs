import { Writable } from 'node:stream';

// awslambda.streamifyResponse, as Lambda's Node.js runtime provides it globally. Stratus answers Invoke (not
// InvokeWithResponseStream), and AWS itself buffers a streaming function's output for a plain Invoke: the handler
// writes to a stream whose bytes become the response once it ends.

const STREAMING = Symbol.for('aws.lambda.runtime.handler.streaming');

class HttpResponseStream {
  // Function URL metadata (status, headers) precedes the body, separated by eight NUL bytes, as on AWS.
  static from(stream, metadata) {
    stream.write(JSON.stringify(metadata));
    stream.write(Buffer.alloc(8));
    return stream;
  }
}

export function installGlobal() {
  if (process.env.AWS_LAMBDA_NODEJS_NO_GLOBAL_AWSLAMBDA === '1' || process.env.AWS_LAMBDA_NODEJS_NO_GLOBAL_AWSLAMBDA === 'true') {
    return;
  }
  globalThis.awslambda = {
    streamifyResponse(handler) {
      handler[STREAMING] = 'response';
      return handler;
    },
    HttpResponseStream,
  };
}

/** Adapts a streaming handler (event, responseStream, context) to the buffered (event, context) form. */
export function bufferStreamingHandler(handler) {
  if (handler[STREAMING] !== 'response') {
    return handler;
  }
  return async (event, context) => {
    const chunks = [];
    let finish;
    const finished = new Promise((resolve, reject) => { finish = { resolve, reject }; });
    const responseStream = new Writable({
      write(chunk, encoding, done) {
        chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk, encoding));
        done();
      },
      final(done) {
        done();
        finish.resolve();
      },
    });
    responseStream.setContentType = () => {};
    responseStream.on('error', (error) => finish.reject(error));
    await handler(event, responseStream, context);
    await finished;
    return { [STREAMING]: Buffer.concat(chunks) };
  };
}

/** The raw bytes of a buffered streaming response, or undefined for an ordinary result. */
export function streamedBody(result) {
  return result !== null && typeof result === 'object' ? result[STREAMING] : undefined;
}
