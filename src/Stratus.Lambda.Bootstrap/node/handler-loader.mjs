import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { HandlerNotFound, ImportModuleError, MalformedHandlerName, UserCodeSyntaxError } from './errors.mjs';

// Loads `file.export` (also `dir/file.nested.export`) from the task root the way Lambda's Node.js runtime does:
// CommonJS through require (.js unless package.json says "type": "module", .cjs, extension-less), ES modules through
// import (.mjs, or .js under "type": "module"), then Node's own resolution.

const require = createRequire(import.meta.url);

function split(handler) {
  if (handler.includes('..')) {
    throw new MalformedHandlerName(`'${handler}' is not a valid handler name. Use absolute paths when specifying root directories in handler names.`);
  }
  const base = path.basename(handler);
  const moduleRoot = handler.substring(0, handler.length - base.length);
  const match = /^([^.]*)\.(.*)$/.exec(base);
  if (!match || match[2].length === 0) {
    throw new MalformedHandlerName('Bad handler');
  }
  return { moduleRoot, moduleName: match[1], exportPath: match[2] };
}

// The nearest package.json decides whether .js files are ES modules; a node_modules boundary stops the search.
function isModuleTypeFolder(folder) {
  for (let current = folder; ; current = path.dirname(current)) {
    if (current.endsWith(`${path.sep}node_modules`)) {
      return false;
    }
    const manifest = path.join(current, 'package.json');
    if (fs.existsSync(manifest)) {
      try {
        return JSON.parse(fs.readFileSync(manifest, 'utf8'))?.type === 'module';
      } catch {
        return false;
      }
    }
    if (path.dirname(current) === current) {
      return false;
    }
  }
}

async function loadModule(taskRoot, moduleRoot, moduleName) {
  const file = path.resolve(taskRoot, moduleRoot, moduleName);
  const exists = (suffix) => fs.existsSync(file + suffix) && fs.statSync(file + suffix).isFile();
  const importFile = async (suffix) => import(pathToFileURL(file + suffix).href);

  if (exists('')) {
    return require(file);
  }
  const esmJs = isModuleTypeFolder(path.dirname(file));
  if (exists('.js')) {
    return esmJs ? importFile('.js') : require(file + '.js');
  }
  if (exists('.mjs')) {
    return importFile('.mjs');
  }
  if (exists('.cjs')) {
    return require(file + '.cjs');
  }
  return require(require.resolve(moduleName, { paths: [taskRoot, path.resolve(taskRoot, moduleRoot)] }));
}

function resolveExport(module, exportPath) {
  return exportPath.split('.').reduce((value, key) => value?.[key], module);
}

/** Resolves the handler function, or throws one of the Runtime.* errors AWS reports at init. */
export async function loadHandler(taskRoot, handler) {
  const { moduleRoot, moduleName, exportPath } = split(handler);
  let module;
  try {
    module = await loadModule(taskRoot, moduleRoot, moduleName);
  } catch (error) {
    if (error instanceof SyntaxError) {
      throw new UserCodeSyntaxError(String(error));
    }
    if (error?.code === 'MODULE_NOT_FOUND' || error?.code === 'ERR_MODULE_NOT_FOUND') {
      throw new ImportModuleError(String(error));
    }
    throw error;
  }

  const fn = resolveExport(module, exportPath);
  if (fn === undefined || fn === null) {
    throw new HandlerNotFound(`${handler} is undefined or not exported`);
  }
  if (typeof fn !== 'function') {
    throw new HandlerNotFound(`${handler} is not a function`);
  }
  return fn;
}
