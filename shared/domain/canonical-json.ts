/**
 * Canonical JSON in the manner of RFC 8785 (JCS), the input of the 签批 content hash: the same data must give the
 * same bytes whatever order its keys were built in, in Node and in the browser alike.
 *
 * - object keys sorted by UTF-16 code units (plain `sort()` on strings does exactly that), no whitespace;
 * - numbers as ECMAScript prints them (`JSON.stringify`, which RFC 8785 adopts), -0 as 0;
 * - strings escaped as `JSON.stringify` does, which matches RFC 8785;
 * - undefined object members omitted, as JSON.stringify does.
 * Anything a hash must not silently paper over — NaN, Infinity, undefined in an array, a lone surrogate, a cycle,
 * a bigint, a Map — throws a TypeError naming where it sits.
 */

/** Serialises a JSON-like value canonically; throws a TypeError for values JSON cannot carry faithfully. */
export function canonicalJson(value: unknown): string {
  return write(value, '$', new Set<object>());
}

function write(value: unknown, path: string, ancestors: Set<object>): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value))
        throw new TypeError(`canonicalJson：${path} 是 ${value}，JSON 只能表示有限数字`);
      return JSON.stringify(value);
    case 'string':
      // A lone surrogate is not Unicode text; RFC 8785 works on I-JSON, which forbids it.
      if (/\p{Cs}/u.test(value)) throw new TypeError(`canonicalJson：${path} 含有不成对的代理项字符`);
      return JSON.stringify(value);
    case 'object':
      return writeObject(value, path, ancestors);
    default:
      throw new TypeError(`canonicalJson：${path} 的类型 ${typeof value} 不能写成 JSON`);
  }
}

function writeObject(value: object, path: string, ancestors: Set<object>): string {
  if (ancestors.has(value)) throw new TypeError(`canonicalJson：${path} 形成循环引用`);
  const toJSON = (value as { toJSON?: unknown }).toJSON;
  if (typeof toJSON === 'function') {
    // Dates and similar carry their own JSON form, as JSON.stringify honours it.
    return write(toJSON.call(value), path, ancestors);
  }
  ancestors.add(value);
  try {
    if (Array.isArray(value)) {
      const items = value.map((item: unknown, i: number) => {
        if (item === undefined)
          throw new TypeError(`canonicalJson：${path}[${i}] 是 undefined，数组中不允许`);
        return write(item, `${path}[${i}]`, ancestors);
      });
      return `[${items.join(',')}]`;
    }
    const proto: unknown = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) {
      const name = (value as { constructor?: { name?: string } }).constructor?.name ?? '未知';
      throw new TypeError(`canonicalJson：${path} 是 ${name} 对象，只接受普通对象和数组`);
    }
    const record = value as Record<string, unknown>;
    const members: string[] = [];
    for (const key of Object.keys(record).sort()) {
      const member = record[key];
      if (member === undefined) continue;
      members.push(`${write(key, `${path}（键）`, ancestors)}:${write(member, `${path}.${key}`, ancestors)}`);
    }
    return `{${members.join(',')}}`;
  } finally {
    ancestors.delete(value);
  }
}
