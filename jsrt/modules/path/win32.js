'use strict';
// path.win32: Windows path rules (drive letters, UNC roots, both slashes),
// built on the shared normalizeString from path.js.

// posixBasename is path.posix.basename; win32's basename is the same walk
// once backslashes are read as slashes.
module.exports = function makeWin32(normalizeString, isSep, validateString, cwd, posixBasename) {
  const isDriveLetter = (c) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  const code = (s, i) => s.charCodeAt(i);

  // rootInfo splits off the device (C: or \\server\share) and root.
  function rootInfo(path) {
    const len = path.length;
    let device = '';
    let rootEnd = 0;
    let isAbsolute = false;
    let uncWhole = null;
    if (len === 0) return { device, rootEnd, isAbsolute, uncWhole };
    const c0 = code(path, 0);
    if (isSep(c0)) {
      isAbsolute = true;
      rootEnd = 1;
      if (len > 1 && isSep(code(path, 1))) {
        let j = 2;
        let last = j;
        while (j < len && !isSep(code(path, j))) j++;
        if (j < len && j !== last) {
          const firstPart = path.slice(last, j);
          last = j;
          while (j < len && isSep(code(path, j))) j++;
          if (j < len && j !== last) {
            last = j;
            while (j < len && !isSep(code(path, j))) j++;
            if (j === len) {
              uncWhole = `\\\\${firstPart}\\${path.slice(last)}\\`;
              device = `\\\\${firstPart}\\${path.slice(last)}`;
              rootEnd = j;
            } else if (j !== last) {
              device = `\\\\${firstPart}\\${path.slice(last, j)}`;
              rootEnd = j;
            }
          }
        }
      }
    } else if (len >= 2 && isDriveLetter(c0) && path[1] === ':') {
      device = path.slice(0, 2);
      rootEnd = 2;
      if (len > 2 && isSep(code(path, 2))) {
        isAbsolute = true;
        rootEnd = 3;
      }
    }
    return { device, rootEnd, isAbsolute, uncWhole };
  }

  const win32 = {
    sep: '\\',
    delimiter: ';',

    normalize(path) {
      validateString(path, 'path');
      const len = path.length;
      if (len === 0) return '.';
      if (len === 1) return isSep(code(path, 0)) ? '\\' : path;
      const { device, rootEnd, isAbsolute, uncWhole } = rootInfo(path);
      if (uncWhole !== null) return uncWhole;
      let tail = rootEnd < len ? normalizeString(path.slice(rootEnd), !isAbsolute, '\\', isSep) : '';
      if (tail.length === 0 && !isAbsolute) tail = '.';
      if (tail.length > 0 && isSep(code(path, len - 1))) tail += '\\';
      if (device === '') return isAbsolute ? `\\${tail}` : tail;
      return isAbsolute ? `${device}\\${tail}` : `${device}${tail}`;
    },

    isAbsolute(path) {
      validateString(path, 'path');
      const len = path.length;
      if (len === 0) return false;
      const c0 = code(path, 0);
      return isSep(c0) || (len > 2 && isDriveLetter(c0) && path[1] === ':' && isSep(code(path, 2)));
    },

    join(...args) {
      if (args.length === 0) return '.';
      let joined;
      let firstPart;
      for (const arg of args) {
        validateString(arg, 'path');
        if (arg.length > 0) {
          if (joined === undefined) joined = firstPart = arg;
          else joined += `\\${arg}`;
        }
      }
      if (joined === undefined) return '.';
      // Keep a UNC root only if the first part spelled it; otherwise collapse
      // the leading separators to one.
      let needsReplace = true;
      let slashCount = 0;
      if (isSep(code(firstPart, 0))) {
        ++slashCount;
        const firstLen = firstPart.length;
        if (firstLen > 1 && isSep(code(firstPart, 1))) {
          ++slashCount;
          if (firstLen > 2) {
            if (isSep(code(firstPart, 2))) ++slashCount;
            else needsReplace = false;
          }
        }
      }
      if (needsReplace) {
        while (slashCount < joined.length && isSep(code(joined, slashCount))) slashCount++;
        if (slashCount >= 2) joined = `\\${joined.slice(slashCount)}`;
      }
      return win32.normalize(joined);
    },

    resolve(...args) {
      let resolvedDevice = '';
      let resolvedTail = '';
      let resolvedAbsolute = false;
      for (let i = args.length - 1; i >= -1; i--) {
        const path = i >= 0 ? args[i] : cwd();
        validateString(path, i >= 0 ? `paths[${i}]` : 'path');
        if (path.length === 0) continue;
        const { device, rootEnd, isAbsolute } = rootInfo(path);
        if (device.length > 0) {
          if (resolvedDevice.length > 0) {
            if (device.toLowerCase() !== resolvedDevice.toLowerCase()) continue;
          } else {
            resolvedDevice = device;
          }
        }
        if (resolvedAbsolute) {
          if (resolvedDevice.length > 0) break;
        } else {
          resolvedTail = `${path.slice(rootEnd)}\\${resolvedTail}`;
          resolvedAbsolute = isAbsolute;
          if (isAbsolute && resolvedDevice.length > 0) break;
        }
      }
      resolvedTail = normalizeString(resolvedTail, !resolvedAbsolute, '\\', isSep);
      return resolvedAbsolute ? `${resolvedDevice}\\${resolvedTail}` :
        `${resolvedDevice}${resolvedTail}` || '.';
    },

    relative(from, to) {
      validateString(from, 'from');
      validateString(to, 'to');
      if (from === to) return '';
      const fromOrig = win32.resolve(from);
      const toOrig = win32.resolve(to);
      if (fromOrig === toOrig) return '';
      const f = fromOrig.split('\\').filter((s, i) => s !== '' || i === 0);
      const t = toOrig.split('\\').filter((s, i) => s !== '' || i === 0);
      if (f[0].toLowerCase() !== t[0].toLowerCase()) return toOrig;
      let i = 0;
      while (i < f.length && i < t.length && f[i].toLowerCase() === t[i].toLowerCase()) i++;
      const up = new Array(f.length - i).fill('..');
      return up.concat(t.slice(i)).join('\\');
    },

    toNamespacedPath(path) {
      if (typeof path !== 'string' || path.length === 0) return path;
      const resolved = win32.resolve(path);
      if (resolved.length <= 2) return path;
      if (resolved.startsWith('\\\\')) {
        if (resolved[2] !== '?' && resolved[2] !== '.') return `\\\\?\\UNC\\${resolved.slice(2)}`;
      } else if (isDriveLetter(code(resolved, 0)) && resolved[1] === ':' && resolved[2] === '\\') {
        return `\\\\?\\${resolved}`;
      }
      return path;
    },

    dirname(path) {
      validateString(path, 'path');
      const len = path.length;
      if (len === 0) return '.';
      if (len === 1) return isSep(code(path, 0)) ? path : '.';
      let rootEnd = -1;
      let offset = 0;
      const c0 = code(path, 0);
      if (isSep(c0)) {
        rootEnd = offset = 1;
        if (isSep(code(path, 1))) {
          let j = 2;
          let last = j;
          while (j < len && !isSep(code(path, j))) j++;
          if (j < len && j !== last) {
            last = j;
            while (j < len && isSep(code(path, j))) j++;
            if (j < len && j !== last) {
              last = j;
              while (j < len && !isSep(code(path, j))) j++;
              if (j === len) return path;
              if (j !== last) rootEnd = offset = j + 1;
            }
          }
        }
      } else if (isDriveLetter(c0) && path[1] === ':') {
        rootEnd = len > 2 && isSep(code(path, 2)) ? 3 : 2;
        offset = rootEnd;
      }
      let end = -1;
      let matchedSlash = true;
      for (let i = len - 1; i >= offset; --i) {
        if (isSep(code(path, i))) {
          if (!matchedSlash) {
            end = i;
            break;
          }
        } else {
          matchedSlash = false;
        }
      }
      if (end === -1) {
        if (rootEnd === -1) return '.';
        end = rootEnd;
      }
      return path.slice(0, end);
    },

    basename(path, suffix) {
      if (suffix !== undefined) validateString(suffix, 'ext');
      validateString(path, 'path');
      let start = 0;
      if (path.length >= 2 && isDriveLetter(code(path, 0)) && path[1] === ':') start = 2;
      const rest = path.slice(start).replace(/\\/g, '/');
      return posixBasename(rest, suffix === undefined ? undefined : suffix.replace(/\\/g, '/'));
    },

    extname(path) {
      validateString(path, 'path');
      let start = 0;
      if (path.length >= 2 && path[1] === ':' && isDriveLetter(code(path, 0))) start = 2;
      let startDot = -1;
      let startPart = start;
      let end = -1;
      let matchedSlash = true;
      let preDotState = 0;
      for (let i = path.length - 1; i >= start; --i) {
        const c = code(path, i);
        if (isSep(c)) {
          if (!matchedSlash) {
            startPart = i + 1;
            break;
          }
          continue;
        }
        if (end === -1) {
          matchedSlash = false;
          end = i + 1;
        }
        if (c === 46) {
          if (startDot === -1) startDot = i;
          else if (preDotState !== 1) preDotState = 1;
        } else if (startDot !== -1) {
          preDotState = -1;
        }
      }
      if (startDot === -1 || end === -1 || preDotState === 0 ||
          (preDotState === 1 && startDot === end - 1 && startDot === startPart + 1)) {
        return '';
      }
      return path.slice(startDot, end);
    },

    format(pathObject) {
      if (pathObject === null || typeof pathObject !== 'object') {
        throw require('internal/errors').invalidArgType('pathObject', 'object', pathObject);
      }
      const dir = pathObject.dir || pathObject.root;
      const ext = pathObject.ext ? `${pathObject.ext[0] === '.' ? '' : '.'}${pathObject.ext}` : '';
      const base = pathObject.base || `${pathObject.name || ''}${ext}`;
      if (!dir) return base;
      return dir === pathObject.root ? `${dir}${base}` : `${dir}\\${base}`;
    },

    parse(path) {
      validateString(path, 'path');
      const ret = { root: '', dir: '', base: '', ext: '', name: '' };
      if (path.length === 0) return ret;
      const len = path.length;
      let rootEnd = 0;
      const c0 = code(path, 0);
      if (len === 1) {
        if (isSep(c0)) {
          ret.root = ret.dir = path;
          return ret;
        }
        ret.base = ret.name = path;
        return ret;
      }
      if (isSep(c0)) {
        rootEnd = 1;
        if (isSep(code(path, 1))) {
          let j = 2;
          let last = j;
          while (j < len && !isSep(code(path, j))) j++;
          if (j < len && j !== last) {
            last = j;
            while (j < len && isSep(code(path, j))) j++;
            if (j < len && j !== last) {
              last = j;
              while (j < len && !isSep(code(path, j))) j++;
              if (j === len) rootEnd = j;
              else if (j !== last) rootEnd = j + 1;
            }
          }
        }
      } else if (isDriveLetter(c0) && path[1] === ':') {
        if (len <= 2) {
          ret.root = ret.dir = path;
          return ret;
        }
        rootEnd = 2;
        if (isSep(code(path, 2))) {
          if (len === 3) {
            ret.root = ret.dir = path;
            return ret;
          }
          rootEnd = 3;
        }
      }
      if (rootEnd > 0) ret.root = path.slice(0, rootEnd);
      let startDot = -1;
      let startPart = rootEnd;
      let end = -1;
      let matchedSlash = true;
      let i = path.length - 1;
      let preDotState = 0;
      for (; i >= rootEnd; --i) {
        const c = code(path, i);
        if (isSep(c)) {
          if (!matchedSlash) {
            startPart = i + 1;
            break;
          }
          continue;
        }
        if (end === -1) {
          matchedSlash = false;
          end = i + 1;
        }
        if (c === 46) {
          if (startDot === -1) startDot = i;
          else if (preDotState !== 1) preDotState = 1;
        } else if (startDot !== -1) {
          preDotState = -1;
        }
      }
      if (end !== -1) {
        if (startDot === -1 || preDotState === 0 ||
            (preDotState === 1 && startDot === end - 1 && startDot === startPart + 1)) {
          ret.base = ret.name = path.slice(startPart, end);
        } else {
          ret.name = path.slice(startPart, startDot);
          ret.base = path.slice(startPart, end);
          ret.ext = path.slice(startDot, end);
        }
      }
      if (startPart > 0 && startPart !== rootEnd) ret.dir = path.slice(0, startPart - 1);
      else ret.dir = ret.root;
      return ret;
    },
  };
  return win32;
};
