// Package url implements node's 'url' module for ebbnode: the WHATWG URL and
// URLSearchParams (whatwg.js on the URL Standard's parser in parser.js and
// host.js), the file-URL helpers and the legacy url.parse/format/resolve API
// (url.js).
package url

import (
	_ "embed"

	"github.com/dop251/goja"
	"golang.org/x/net/idna"

	_ "github.com/ebbnode/ebbnode/jsrt/modules/buffer"
	_ "github.com/ebbnode/ebbnode/jsrt/modules/internal/errors"
	"github.com/ebbnode/ebbnode/jsrt/modules/internal/jsmod"
	_ "github.com/ebbnode/ebbnode/jsrt/modules/path"
	_ "github.com/ebbnode/ebbnode/jsrt/modules/querystring"
)

// ModuleName is the name require() knows this module by.
const ModuleName = "url"

var (
	//go:embed url.js
	source string
	//go:embed whatwg.js
	whatwgSource string
	//go:embed parser.js
	parserSource string
	//go:embed host.js
	hostSource string

	src       = jsmod.NewSource("node:url", source)
	whatwgSrc = jsmod.NewSource("node:internal/url", whatwgSource)
	parserSrc = jsmod.NewSource("node:internal/url/parser", parserSource)
	hostSrc   = jsmod.NewSource("node:internal/url/host", hostSource)
)

// Require is the goja_nodejs module loader: it sets module.exports.
func Require(rt *goja.Runtime, module *goja.Object) {
	module.Set("exports", jsmod.Get(rt, ModuleName))
}

// Enable sets the globals URL and URLSearchParams.
func Enable(rt *goja.Runtime) {
	m := jsmod.GetObject(rt, ModuleName)
	rt.Set("URL", m.Get("URL"))
	rt.Set("URLSearchParams", m.Get("URLSearchParams"))
}

// uts46 is the URL Standard's domain-to-ASCII: UTS #46 processing,
// nontransitional, without the STD3 and DNS length checks ("beStrict" false).
var uts46 = idna.New(
	idna.MapForLookup(),
	idna.Transitional(false),
	idna.StrictDomainName(false),
	idna.BidiRule(),
	idna.CheckHyphens(false),
)

var uts46Display = idna.New(
	idna.MapForLookup(),
	idna.Transitional(false),
	idna.StrictDomainName(false),
	idna.CheckHyphens(false),
)

func init() {
	jsmod.RegisterInternal("internal/url/host", func(rt *goja.Runtime, exports *goja.Object) goja.Value {
		return hostSrc.Run(rt, exports, idnaHelpers(rt))
	})
	jsmod.RegisterInternal("internal/url/parser", func(rt *goja.Runtime, exports *goja.Object) goja.Value {
		return parserSrc.Run(rt, exports, nil)
	})
	jsmod.RegisterInternal("internal/url", func(rt *goja.Runtime, exports *goja.Object) goja.Value {
		return whatwgSrc.Run(rt, exports, idnaHelpers(rt))
	})
	jsmod.Register(ModuleName, func(rt *goja.Runtime, exports *goja.Object) goja.Value {
		return src.Run(rt, exports, nil)
	})
}

// idnaHelpers are the Go functions host.js and whatwg.js call.
func idnaHelpers(rt *goja.Runtime) *goja.Object {
	h := rt.NewObject()
	// toASCII returns "" when the domain is invalid (host parse failure).
	h.Set("toASCII", func(domain string) string {
		s, err := uts46.ToASCII(domain)
		if err != nil {
			return ""
		}
		return s
	})
	h.Set("toUnicode", func(domain string) string {
		s, _ := uts46Display.ToUnicode(domain)
		return s
	})
	return h
}
