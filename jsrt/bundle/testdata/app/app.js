#!/usr/bin/env node
// The main fixture: every kind of require the analysis must handle.
'use strict';
const util = require('./lib/util');
const data = require('./data.json');
const fs = require('fs');
const path = require('node:path');
const pkg = require("pkg");
const helper = require('../shared/helper.js');
const tmpl = require(`./lib/tmpl`);
const dir = require('./lib/dir');
let optional = null;
try {
  optional = require('optional-missing');
} catch (e) {}
const name = './plugins/' + (process.env.PLUGIN || 'none');
if (process.env.PLUGIN) require(name);
if (process.env.BUNDLE_TEST_CACHE) {
  console.log(JSON.stringify(Object.keys(require.cache)));
}
module.exports = { util, data, fs, path, pkg, helper, tmpl, dir, optional };
