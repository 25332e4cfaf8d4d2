'use strict';
// util.parseArgs: command-line parsing as node documents it (tokens first,
// then strict checks, values with a null prototype, defaults last).

const { makeNodeError, invalidArgType, invalidArgValue, describeReceived } = require('internal/errors');

function parseError(code, message) { return makeNodeError(TypeError, code, message); }

const own = (o, k) => Object.prototype.hasOwnProperty.call(o, k);

function findLongForShort(short, options) {
  for (const long of Object.keys(options)) {
    if (options[long].short === short) return long;
  }
  return short;
}

function optionType(options, long) { return own(options, long) ? options[long].type : undefined; }

function tokenize(args, options) {
  const tokens = [];
  let index = -1;
  let groupCount = 0;
  const remaining = args.slice();
  while (remaining.length > 0) {
    const arg = remaining.shift();
    const next = remaining[0];
    if (groupCount > 0) groupCount--;
    else index++;
    if (arg === '--') {
      tokens.push({ kind: 'option-terminator', index });
      for (const p of remaining) tokens.push({ kind: 'positional', index: ++index, value: p });
      break;
    }
    if (arg.length === 2 && arg[0] === '-' && arg[1] !== '-') {
      const name = findLongForShort(arg[1], options);
      let value;
      let inlineValue;
      if (optionType(options, name) === 'string' && next !== undefined && groupCount === 0) {
        value = remaining.shift();
        inlineValue = false;
      }
      tokens.push({ kind: 'option', name, rawName: arg, index, value, inlineValue });
      if (value !== undefined) ++index;
      continue;
    }
    if (arg.length > 2 && arg[0] === '-' && arg[1] !== '-') {
      const first = findLongForShort(arg[1], options);
      if (optionType(options, first) === 'string') {
        tokens.push({ kind: 'option', name: first, rawName: `-${arg[1]}`, index, value: arg.slice(2), inlineValue: true });
        continue;
      }
      const expanded = [];
      for (let i = 1; i < arg.length; i++) {
        const long = findLongForShort(arg[i], options);
        if (optionType(options, long) !== 'string' || i === arg.length - 1) {
          expanded.push(`-${arg[i]}`);
        } else {
          expanded.push(`-${arg.slice(i)}`);
          break;
        }
      }
      remaining.unshift(...expanded);
      groupCount = expanded.length;
      continue;
    }
    if (arg.startsWith('--') && arg.length > 2) {
      const eq = arg.indexOf('=');
      if (eq !== -1) {
        tokens.push({ kind: 'option', name: arg.slice(2, eq), rawName: arg.slice(0, eq), index, value: arg.slice(eq + 1), inlineValue: true });
        continue;
      }
      const name = arg.slice(2);
      let value;
      let inlineValue;
      if (optionType(options, name) === 'string' && next !== undefined) {
        value = remaining.shift();
        inlineValue = false;
      }
      tokens.push({ kind: 'option', name, rawName: arg, index, value, inlineValue });
      if (value !== undefined) ++index;
      continue;
    }
    tokens.push({ kind: 'positional', index, value: arg });
  }
  return tokens;
}

function checkOptionUsage(options, token, allowPositionals) {
  if (!own(options, token.name)) {
    const hint = allowPositionals ?
      `. To specify a positional argument starting with a '-', place it at the end of the command after '--', as in '-- ${JSON.stringify(token.rawName)}` :
      '';
    throw parseError('ERR_PARSE_ARGS_UNKNOWN_OPTION', `Unknown option '${token.rawName}'${hint}`);
  }
  const short = options[token.name].short;
  const shortAndLong = short ? `-${short}, --${token.name}` : `--${token.name}`;
  const type = options[token.name].type;
  if (type === 'string' && typeof token.value !== 'string') {
    throw parseError('ERR_PARSE_ARGS_INVALID_OPTION_VALUE', `Option '${shortAndLong} <value>' argument missing`);
  }
  if (type === 'boolean' && token.value != null) {
    throw parseError('ERR_PARSE_ARGS_INVALID_OPTION_VALUE', `Option '${shortAndLong}' does not take an argument`);
  }
}

function checkOptionLikeValue(token) {
  if (!token.inlineValue && typeof token.value === 'string' && token.value.startsWith('-')) {
    const example = token.rawName.startsWith('--') ?
      `'--${token.name}=-XYZ'` : `'--${token.name}=-XYZ' or '${token.rawName}-XYZ'`;
    throw parseError('ERR_PARSE_ARGS_INVALID_OPTION_VALUE',
      `Option '${token.rawName}' argument is ambiguous.\n` +
      `Did you forget to specify the option argument for '${token.rawName}'?\n` +
      `To specify an option argument starting with a dash use ${example}.`);
  }
}

function validateOptions(options) {
  for (const long of Object.keys(options)) {
    const o = options[long];
    if (o === null || typeof o !== 'object') throw invalidArgType(`options.${long}`, 'object', o);
    if (o.type !== 'string' && o.type !== 'boolean') {
      // node words this one through validateUnion.
      throw makeNodeError(TypeError, 'ERR_INVALID_ARG_TYPE',
        `The "options.${long}.type" property must be ('string|boolean').${describeReceived(o.type)}`);
    }
    if (o.short !== undefined) {
      if (typeof o.short !== 'string') throw invalidArgType(`options.${long}.short`, 'string', o.short);
      if (o.short.length !== 1) {
        throw invalidArgValue(`options.${long}.short`, o.short, 'must be a single character');
      }
    }
  }
}

function defaultArgs() {
  if (typeof process === 'object' && process !== null && Array.isArray(process.argv)) {
    return process.argv.slice(2);
  }
  return [];
}

module.exports = function parseArgs(config = {}) {
  if (config === null || typeof config !== 'object') throw invalidArgType('config', 'object', config);
  const args = config.args !== undefined ? config.args : defaultArgs();
  const strict = config.strict !== undefined ? config.strict : true;
  const allowPositionals = config.allowPositionals !== undefined ? config.allowPositionals : !strict;
  const returnTokens = config.tokens !== undefined ? config.tokens : false;
  const options = config.options !== undefined ? config.options : {};
  if (!Array.isArray(args)) throw invalidArgType('args', 'Array', args);
  if (options === null || typeof options !== 'object') throw invalidArgType('options', 'object', options);
  validateOptions(options);

  const result = { values: Object.create(null), positionals: [] };
  const tokens = tokenize(args, options);
  for (const token of tokens) {
    if (token.kind === 'option') {
      if (strict) {
        checkOptionUsage(options, token, allowPositionals);
        checkOptionLikeValue(token);
      }
      if (token.name === '__proto__') continue;
      const value = token.value === undefined ? true : token.value;
      if (own(options, token.name) && options[token.name].multiple) {
        if (result.values[token.name] === undefined) result.values[token.name] = [];
        result.values[token.name].push(value);
      } else {
        result.values[token.name] = value;
      }
    } else if (token.kind === 'positional') {
      if (!allowPositionals) {
        throw parseError('ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL',
          `Unexpected argument '${token.value}'. This command does not take positional arguments`);
      }
      result.positionals.push(token.value);
    }
  }
  for (const long of Object.keys(options)) {
    if (options[long].default !== undefined && result.values[long] === undefined) {
      result.values[long] = options[long].default;
    }
  }
  if (returnTokens) result.tokens = tokens;
  return result;
};
