// A real file system (a temp directory) with failures injected where a test says: a stick that
// fills up after N bytes, a write-protected or pulled stick, a file WPS holds open, bytes that read
// back different. Every call is logged so a test can tell what was tried.
import { basename } from 'node:path';
import { nodeFileSystem, type ExportFileSystem } from '../../electron/main/services/file-save';

/** The operations a fault can hit. */
export type FsOp = 'open' | 'write' | 'sync' | 'rename' | 'readFile' | 'unlink' | 'mkdir' | 'readdir';

/** What to break. */
export interface Faults {
  /** Writes fail with `code` once this many bytes were written in all (the stick is full, or gone). */
  writeBudget?: { bytes: number; code: string };
  /** Fail this call with the returned errno; `nth` counts calls of this op on this file name from 1. */
  fail?: (op: FsOp, name: string, nth: number) => string | undefined;
  /** Bytes read back from this file name come back changed. */
  corrupt?: (name: string) => boolean;
}

/** An errno error as Node throws it. */
export const errno = (code: string, op = 'write') =>
  Object.assign(new Error(`${code}: ${op} failed`), { code, syscall: op });

/** Whether a name is one of the writer's temporary files. */
export const isTemp = (name: string) => /\.kentan-[0-9a-f]{8}\.tmp$/.test(name);

/** The real file system with `faults` injected, and a log of `op name` lines. */
export function faultyFs(faults: Faults = {}): ExportFileSystem & { log: string[] } {
  const log: string[] = [];
  const counts = new Map<string, number>();
  let written = 0;
  const check = (op: FsOp, path: string) => {
    const name = basename(path);
    const key = `${op} ${isTemp(name) ? 'TEMP' : name}`;
    const nth = (counts.get(key) ?? 0) + 1;
    counts.set(key, nth);
    log.push(key);
    const code = faults.fail?.(op, isTemp(name) ? 'TEMP' : name, nth);
    if (code) throw errno(code, op);
  };
  return {
    log,
    async open(path, flags) {
      check('open', path);
      const handle = await nodeFileSystem.open(path, flags);
      return {
        async write(data, offset = 0, length = data.byteLength - offset, position) {
          check('write', path);
          const budget = faults.writeBudget;
          let n = length;
          if (budget) {
            n = Math.min(length, Math.max(0, budget.bytes - written));
            if (n === 0) throw errno(budget.code);
          }
          const result = await handle.write(data, offset, n, position);
          written += result.bytesWritten;
          return result;
        },
        async sync() {
          check('sync', path);
          return handle.sync();
        },
        close: () => handle.close(),
      };
    },
    async rename(from, to) {
      check('rename', to);
      return nodeFileSystem.rename(from, to);
    },
    async readFile(path) {
      check('readFile', path);
      const bytes = await nodeFileSystem.readFile(path);
      if (!faults.corrupt?.(isTemp(basename(path)) ? 'TEMP' : basename(path))) return bytes;
      const changed = new Uint8Array(bytes);
      changed[0] = (changed[0] ?? 0) ^ 0xff;
      return changed;
    },
    async unlink(path) {
      check('unlink', path);
      return nodeFileSystem.unlink(path);
    },
    async mkdir(path, options) {
      check('mkdir', path);
      return nodeFileSystem.mkdir(path, options);
    },
    async readdir(path) {
      check('readdir', path);
      return nodeFileSystem.readdir(path);
    },
  };
}
