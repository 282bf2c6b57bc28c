namespace Stratus.Lambda.Tests.Bootstrap;

/// <summary>A task root of small Node.js functions, written to a temporary directory for the node bootstrap tests.</summary>
public sealed class NodeFunctionFiles : IDisposable
{
    public NodeFunctionFiles()
    {
        Write("index.js", """
            exports.handler = async (event, context) => ({
              echo: event,
              requestId: context.awsRequestId,
              functionName: context.functionName,
              arn: context.invokedFunctionArn,
              remainingOk: context.getRemainingTimeInMillis() > 0 && context.getRemainingTimeInMillis() <= 30000,
              trace: process.env._X_AMZN_TRACE_ID,
              identity: context.identity,
            });
            exports.api = { v1: { handler: async () => 'nested' } };
            exports.fails = async () => { throw new TypeError('bad input'); };
            exports.logs = async (event) => { console.log('hello', event.name); console.error(new Error('oops')); return 'logged'; };
            exports.sync = () => { /* neither returns nor calls back: null once the loop drains */ };
            exports.rejects = async () => { Promise.reject(new Error('nobody listens')); return new Promise(() => {}); };
            exports.notAFunction = 42;
            """);
        Write("callback.js", """
            exports.waits = (event, context, callback) => {
              const result = { late: false };
              setTimeout(() => { result.late = true; }, 100);
              callback(null, result);
            };
            exports.noWait = (event, context, callback) => {
              context.callbackWaitsForEmptyEventLoop = false;
              const result = { late: false };
              const timer = setTimeout(() => { result.late = true; }, 100);
              callback(null, result);
            };
            exports.callbackError = (event, context, callback) => callback('plain string failure');
            exports.legacySucceed = (event, context) => context.succeed({ via: 'succeed' });
            """);
        Write("esm.mjs", """
            import { createRequire } from 'node:module';
            export const handler = async (event) => ({ kind: 'esm', doubled: event.n * 2 });
            """);
        Write("typed/package.json", """{ "type": "module" }""");
        Write("typed/app.js", """export const handler = async () => ({ kind: 'type-module' });""");
        Write("common.cjs", """module.exports.handler = async () => ({ kind: 'cjs' });""");
        Write("broken.js", """exports.handler = async () => { return {; };""");
        Write("sdk-user.mjs", """
            import { Client } from 'fake-sdk';
            export const handler = async () => new Client().name();
            """);
        Write("streaming.mjs", """
            export const handler = awslambda.streamifyResponse(async (event, responseStream) => {
              responseStream.write('chunk-1,');
              responseStream.write('chunk-2');
              responseStream.end();
            });
            """);
        Write("runtime/node_modules/fake-sdk/package.json", """{ "name": "fake-sdk", "main": "index.js" }""");
        Write("runtime/node_modules/fake-sdk/index.js", """exports.Client = class { name() { return 'fake-sdk from NODE_PATH'; } };""");
    }

    public string TaskRoot { get; } = Directory.CreateTempSubdirectory("stratus-node-").FullName;

    /// <summary>A directory of runtime-provided packages, as NODE_PATH would list it.</summary>
    public string RuntimeModules => Path.Combine(TaskRoot, "runtime", "node_modules");

    public void Dispose() => Directory.Delete(TaskRoot, recursive: true);

    private void Write(string relativePath, string content)
    {
        var path = Path.Combine(TaskRoot, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }
}
