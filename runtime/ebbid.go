package runtime

import (
	"fmt"
	"sync/atomic"
)

// EbbId is the global name of an Ebb. Every core translates the same EbbId
// to its own representative, so an EbbId (or a Ref built from it) can be
// passed freely between cores and stored in shared data structures.
type EbbId uint32

// Static ids of the system Ebbs. This block is the one list of well-known
// ids: add new system Ebbs here, and give each a name in staticIdNames below
// (that table is what catches clashes at compile time).
const (
	// NullId is never a valid Ebb; a zero Ref refers to it so that using
	// an uninitialised Ref fails loudly instead of reaching some Ebb.
	NullId EbbId = 0

	EventManagerId EbbId = 1 // per-core event loops (this package)
	MessengerId    EbbId = 2 // the image's channel to its host (runtime/messenger)
	FileSystemId   EbbId = 3 // the file-system service (runtime/vfs)
	NetworkId      EbbId = 4 // the network service (netstack)

	// FirstDynamicId is the first id AllocateId hands out. Everything
	// below it is reserved for static ids.
	FirstDynamicId EbbId = 256
)

// staticIdNames names every static id. It is an array literal indexed by
// the ids, so the compiler rejects two ids with the same value ("duplicate
// index in array literal") and any static id at or above FirstDynamicId
// ("index out of bounds"): this is the compile-time clash check.
var staticIdNames = [FirstDynamicId]string{
	EventManagerId: "EventManager",
	MessengerId:    "Messenger",
	FileSystemId:   "FileSystem",
	NetworkId:      "Network",
}

// nextDynamicId is the next id AllocateId returns.
var nextDynamicId atomic.Uint32

func init() { nextDynamicId.Store(uint32(FirstDynamicId)) }

// AllocateId returns a fresh dynamic EbbId, never equal to a static id or to
// an id returned before. Ids are global to the process (like EbbRT's global
// id space) and are never reused. A core's translation table grows to the
// largest id it dereferences, so allocate ids for long-lived Ebbs, not per
// request.
//
// Concurrency: safe to call from any goroutine.
func AllocateId() EbbId {
	id := nextDynamicId.Add(1) - 1
	if id < uint32(FirstDynamicId) {
		// Only possible after 2^32 allocations wrapped the counter.
		panic("ebb runtime: dynamic EbbId space exhausted")
	}
	return EbbId(id)
}

// String returns the static Ebb's name, or the number for dynamic ids.
func (id EbbId) String() string {
	if id < FirstDynamicId && staticIdNames[id] != "" {
		return fmt.Sprintf("%s(%d)", staticIdNames[id], uint32(id))
	}
	return fmt.Sprintf("EbbId(%d)", uint32(id))
}
