import http from 'node:http';

const API = '/2018-06-01/runtime';
const ERROR_TYPE_HEADER = 'Lambda-Runtime-Function-Error-Type';

/**
 * The Lambda Runtime API (https://docs.aws.amazon.com/lambda/latest/dg/runtimes-api.html) over one keep-alive
 * connection. An idle keep-alive socket is unref'd by Node's agent, so waiting for an empty event loop
 * (callbackWaitsForEmptyEventLoop) still works between invocations.
 */
export class RuntimeClient {
  constructor(hostAndPort) {
    const match = /^\[?([^\]]+?)\]?:(\d+)$/.exec(hostAndPort ?? '');
    if (!match) {
      throw new Error(`AWS_LAMBDA_RUNTIME_API is not host:port: '${hostAndPort}'`);
    }
    this.hostname = match[1];
    this.port = Number(match[2]);
    this.agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  }

  /** GET /invocation/next: resolves with the headers (lower-cased) and the body text. */
  async next() {
    const { status, headers, body } = await this.#request('GET', `${API}/invocation/next`);
    if (status !== 200) {
      throw new Error(`The Runtime API answered ${status} to /invocation/next`);
    }
    return { headers, body };
  }

  postResponse(requestId, body) {
    return this.#request('POST', `${API}/invocation/${encodeURIComponent(requestId)}/response`, body);
  }

  postError(requestId, errorDocument) {
    return this.#request('POST', `${API}/invocation/${encodeURIComponent(requestId)}/error`,
      JSON.stringify(errorDocument), { [ERROR_TYPE_HEADER]: errorDocument.errorType });
  }

  postInitError(errorDocument) {
    return this.#request('POST', `${API}/init/error`, JSON.stringify(errorDocument), { [ERROR_TYPE_HEADER]: errorDocument.errorType });
  }

  #request(method, path, body, headers = {}) {
    return new Promise((resolve, reject) => {
      const payload = body === undefined ? undefined : Buffer.from(body, 'utf8');
      const request = http.request({
        hostname: this.hostname,
        port: this.port,
        path,
        method,
        agent: this.agent,
        headers: payload === undefined
          ? headers
          : { 'Content-Type': 'application/json', 'Content-Length': payload.length, ...headers },
      }, (response) => {
        const chunks = [];
        response.on('data', (chunk) => chunks.push(chunk));
        response.on('end', () => resolve({
          status: response.statusCode,
          headers: response.headers,
          body: Buffer.concat(chunks).toString('utf8'),
        }));
        response.on('error', reject);
      });
      request.on('error', reject);
      request.end(payload);
    });
  }
}
