// ebbnode V8 benchmark suite v7 driver.
//
// The harness (benchmarks/octane/script.go) builds one script at run time:
//   var EBBBENCH_PRESETS = {...};   (modes and their iteration rules)
//   base.js + the eight V8 v7 programs from the benchmark-octane package
//   this file.
// It runs unchanged under stock node and under `ebbnode exec`, so it uses only
// what both provide: console.log, Date, and (when present) process.argv and a
// high-resolution clock.
//
// Output: one line per suite and one total line, each
//   EBBBENCH {"suite":"Richards","score":...,"usec":[...],"runs":[...]}
//   EBBBENCH {"total":...,"mode":"quick","ok":true}
// Scores follow base.js: 100 * reference / geometric mean of the per-run time
// (microseconds) of the suite's benchmarks; the total is the geometric mean of
// the suite scores.

(function (global) {
  'use strict';

  // base.js's own clock (performance.now falling back to Date.now) has only
  // millisecond resolution under some runtimes; quick mode times a few
  // iterations, so prefer the best clock available.
  var now = (function () {
    var p = global.performance;
    if (p && typeof p.now === 'function' && p.now !== Date.now) {
      return function () { return p.now(); };
    }
    if (typeof process !== 'undefined' && process.hrtime) {
      return function () {
        var t = process.hrtime();
        return t[0] * 1e3 + t[1] / 1e6;
      };
    }
    return function () { return Date.now(); };
  })();

  var presets = EBBBENCH_PRESETS;
  var mode = presets['default'];
  if (typeof process !== 'undefined' && process.argv && process.argv.length > 2) {
    mode = process.argv[process.argv.length - 1];
  }
  var rules = presets[mode];
  if (!rules) {
    console.log('EBBBENCH ' + JSON.stringify({ error: 'unknown mode ' + mode }));
    throw new Error('ebbbench: unknown mode ' + mode);
  }

  // rules.suiteRules: leave base.js's timing loop alone (warm-up for one
  // second, then at least one second and minIterations runs).
  // Otherwise replace it with a fixed count: warmup untimed runs (for
  // benchmarks that ask for warm-up), then at least minIterations timed runs
  // and at least minMillis of time.
  if (!rules.suiteRules) {
    BenchmarkSuite.prototype.RunSingleBenchmark = function (benchmark) {
      if (benchmark.doWarmup) {
        for (var w = 0; w < rules.warmup; w++) benchmark.run();
      }
      var start = now();
      var elapsed = 0;
      var runs = 0;
      while (runs < rules.minIterations || elapsed < rules.minMillis) {
        benchmark.run();
        runs++;
        elapsed = now() - start;
      }
      var usec = (elapsed * 1000) / runs;
      var rms = (benchmark.rmsResult != null) ? benchmark.rmsResult() : 0;
      this.NotifyStep(new BenchmarkResult(benchmark, usec, rms));
      return null;
    };
  }

  var failed = false;
  var runner = {
    NotifyError: function (name, error) {
      failed = true;
      var msg = String(error);
      if (error && error.stack) msg = String(error.stack);
      console.log('EBBBENCH ' + JSON.stringify({ suite: name, error: msg }));
    },
    NotifyResult: function () {},
    NotifyScore: function () {}
  };

  // rules.suites, when given, runs only those suites (base.js's own skip
  // list); the others are not reported and not in the total.
  var skip = [];
  if (rules.suites) {
    for (var k = 0; k < BenchmarkSuite.suites.length; k++) {
      var name = BenchmarkSuite.suites[k].name;
      if (rules.suites.indexOf(name) < 0) skip.push(name);
    }
  }

  var started = now();
  BenchmarkSuite.RunSuites(runner, skip);

  var scores = [];
  var suites = BenchmarkSuite.suites;
  for (var i = 0; i < suites.length; i++) {
    var s = suites[i];
    if (!s.results || s.results.length !== s.benchmarks.length) continue;
    var score = 100 * s.reference[0] / BenchmarkSuite.GeometricMeanTime(s.results);
    scores.push(score);
    var usec = [];
    var names = [];
    for (var j = 0; j < s.results.length; j++) {
      usec.push(s.results[j].time);
      names.push(s.results[j].benchmark.name);
    }
    var line = { suite: s.name, score: score, benchmarks: names, usec: usec };
    // Splay's latency score is an Octane addition, not part of V8 v7: it is
    // reported but kept out of the total.
    if (s.reference.length === 2) {
      var lat = BenchmarkSuite.GeometricMeanLatency(s.results);
      if (lat !== 0) line.latencyScore = 100 * s.reference[1] / lat;
    }
    console.log('EBBBENCH ' + JSON.stringify(line));
  }
  var ok = !failed && scores.length === suites.length - skip.length;
  console.log('EBBBENCH ' + JSON.stringify({
    total: BenchmarkSuite.GeometricMean(scores),
    mode: mode,
    ok: ok,
    millis: now() - started
  }));
})(typeof globalThis !== 'undefined' ? globalThis : this);
