import path from 'node:path';
import { pathToFileURL } from 'node:url';

// ES modules ignore NODE_PATH, yet Lambda's Node.js runtimes let ES-module functions import the runtime-provided
// AWS SDK. This resolve hook retries a bare specifier that failed from each NODE_PATH directory, the way require does.

const directories = (process.env.NODE_PATH ?? '').split(path.delimiter).filter((entry) => entry.length > 0);

function isBare(specifier) {
  return !specifier.startsWith('.') && !specifier.startsWith('/') && !specifier.startsWith('node:') && !/^[a-z]+:/i.test(specifier);
}

export async function resolve(specifier, context, nextResolve) {
  try {
    return await nextResolve(specifier, context);
  } catch (error) {
    if (error?.code !== 'ERR_MODULE_NOT_FOUND' || !isBare(specifier)) {
      throw error;
    }
    for (const directory of directories) {
      try {
        // Resolving from a file inside the directory makes Node search the directory itself for the package.
        return await nextResolve(specifier, { ...context, parentURL: pathToFileURL(path.join(directory, 'index.js')).href });
      } catch {
        // Try the next directory.
      }
    }
    throw error;
  }
}
