'use strict';
// node's v8 module, the parts that have a meaning on goja (see v8.go).

const errors = require('internal/errors');
const memStats = internal.memStats;

// The limit node reports by default on x64 (--max-old-space-size unset).
const heapSizeLimit = 4345298944;

function getHeapStatistics() {
  const m = memStats();
  return {
    total_heap_size: m.heapSys,
    total_heap_size_executable: 0,
    total_physical_size: m.heapInuse,
    total_available_size: Math.max(0, heapSizeLimit - m.heapAlloc),
    used_heap_size: m.heapAlloc,
    heap_size_limit: heapSizeLimit,
    malloced_memory: m.stackSys,
    peak_malloced_memory: m.stackSys,
    does_zap_garbage: 0,
    number_of_native_contexts: 1,
    number_of_detached_contexts: 0,
    total_global_handles_size: 0,
    used_global_handles_size: 0,
    external_memory: 0,
  };
}

function getHeapSpaceStatistics() {
  const m = memStats();
  return [{
    space_name: 'old_space',
    space_size: m.heapSys,
    space_used_size: m.heapAlloc,
    space_available_size: Math.max(0, m.heapSys - m.heapAlloc),
    physical_space_size: m.heapInuse,
  }];
}

function getHeapCodeStatistics() {
  return { code_and_metadata_size: 0, bytecode_and_metadata_size: 0, external_script_source_size: 0, cpu_profiler_metadata_size: 0 };
}

function setFlagsFromString(flags) {
  errors.validateString(flags, 'flags');
}

function cachedDataVersionTag() {
  return 0;
}

function notBuilding() {
  return errors.makeNodeError(Error, 'ERR_NOT_BUILDING_SNAPSHOT',
    'Operation cannot be invoked when not building startup snapshot');
}

// ebbnode never builds a startup snapshot: the queries say so and the
// registrations fail as node's do outside --build-snapshot.
const startupSnapshot = {
  // node 20 returns its flag word, 0, rather than false.
  isBuildingSnapshot() { return 0; },
  addSerializeCallback() { throw notBuilding(); },
  addDeserializeCallback() { throw notBuilding(); },
  setDeserializeMainFunction() { throw notBuilding(); },
};

module.exports = {
  getHeapStatistics, getHeapSpaceStatistics, getHeapCodeStatistics,
  setFlagsFromString, cachedDataVersionTag, startupSnapshot,
};
