const assert = require('assert'); try { assert(false) } catch (e) { console.log(JSON.stringify(e.message)) }
