package transform

import (
	"errors"
	"fmt"
	"path"
	"regexp"
	"strings"

	"github.com/evanw/esbuild/pkg/api"

	"github.com/ebbnode/ebbnode/jsrt/bundle"
)

// Top-level await: esbuild cannot turn a module that awaits at its top
// level into CommonJS, so such a module takes two passes. The first
// bundles the module alone (every import external) as an ES module,
// which prints its imports as single statements at the start of a line
// and its exports as one "export { ... }" clause at the end. The text is
// then rearranged, line for line so that the first pass's inline source
// map still holds: the imports move to the front of line 1, the rest
// becomes the body of an async function handed to the loader
// (__ebbnode_tla), which returns the module's exports as getters. The
// second pass converts the remaining imports to requires and chains the
// source maps.
//
// The limit: importing such a module statically, or require()-ing it,
// while its await is pending fails (node's ERR_REQUIRE_ASYNC_MODULE);
// import() waits for it, and an entry module may await freely.

var (
	exportClauseRe = regexp.MustCompile(`^export\s*\{`)
	exportEntryRe  = regexp.MustCompile(`^\s*([A-Za-z_$][\w$]*)(?:\s+as\s+([A-Za-z_$][\w$]*|"[^"]*"))?\s*,?\s*$`)
)

// firstPass keeps import() for the second pass to lower, as the loader
// expects it (see redirectHelpers).
var firstPass = func() map[string]bool {
	m := map[string]bool{"dynamic-import": true}
	for k, v := range gojaLacks {
		if k != "dynamic-import" {
			m[k] = v
		}
	}
	return m
}()

// TLAName is the loader's function an async module body is handed to.
const TLAName = "__ebbnode_tla"

// transformTLA is transform for a module with top-level await.
func transformTLA(filename string, src []byte, k bundle.Kind) (string, []byte, error) {
	external := api.Plugin{Name: "external", Setup: func(b api.PluginBuild) {
		b.OnResolve(api.OnResolveOptions{Filter: ".*"}, func(a api.OnResolveArgs) (api.OnResolveResult, error) {
			return api.OnResolveResult{Path: a.Path, External: true}, nil
		})
	}}
	loader := api.LoaderJS
	if k.TS {
		loader = api.LoaderTS
	}
	res := api.Build(api.BuildOptions{
		Stdin: &api.StdinOptions{Contents: bundle.SourceText(src), Sourcefile: filename,
			ResolveDir: path.Dir(filename), Loader: loader},
		Bundle: true, Write: false, Format: api.FormatESModule, Target: api.ESNext,
		Supported: firstPass, Sourcemap: api.SourceMapInline, SourcesContent: api.SourcesContentInclude,
		Platform: api.PlatformNode, Charset: api.CharsetUTF8, LogLevel: api.LogLevelSilent,
		Define: map[string]string{"import.meta": MetaName}, Plugins: []api.Plugin{external},
		TreeShaking: api.TreeShakingFalse,
	})
	if len(res.Errors) > 0 {
		return "", nil, sourceError(filename, res.Errors[0])
	}
	if len(res.OutputFiles) != 1 {
		return "", nil, fmt.Errorf("transform %s: top-level await: esbuild wrote %d files", filename, len(res.OutputFiles))
	}
	wrapped, err := wrapAsync(string(res.OutputFiles[0].Contents))
	if err != nil {
		return "", nil, fmt.Errorf("%s: top-level await: %w", filename, err)
	}
	r := api.Transform(wrapped, api.TransformOptions{
		Sourcefile: filename, Loader: api.LoaderJS, Format: api.FormatCommonJS, Target: api.ESNext,
		Supported: gojaLacks, Sourcemap: api.SourceMapExternal, SourcesContent: api.SourcesContentInclude,
		Platform: api.PlatformNode, Charset: api.CharsetUTF8, LogLevel: api.LogLevelSilent,
	})
	if len(r.Errors) > 0 {
		return "", nil, fmt.Errorf("%s: top-level await: second pass: %s", filename, r.Errors[0].Text)
	}
	return string(r.Code), r.Map, nil
}

// wrapAsync rearranges the first pass's ES module text (see above).
func wrapAsync(esm string) (string, error) {
	lines := strings.Split(esm, "\n")
	var imports []string
	exportAt := -1
	for i := 0; i < len(lines); i++ {
		ln := lines[i]
		switch {
		case strings.HasPrefix(ln, "import "):
			stmt := ln
			lines[i] = ""
			for !strings.HasSuffix(strings.TrimSpace(stmt), ";") && i+1 < len(lines) {
				i++
				stmt += " " + strings.TrimSpace(lines[i])
				lines[i] = ""
			}
			imports = append(imports, stmt)
		case exportClauseRe.MatchString(ln):
			if exportAt >= 0 || strings.Contains(ln, "}") && strings.Contains(ln, " from ") {
				return "", errors.New("re-exports are not supported in a module with top-level await")
			}
			exportAt = i
		case strings.HasPrefix(ln, "export "):
			return "", errors.New("unexpected export form: " + ln)
		}
	}
	ret := "return {};"
	if exportAt >= 0 {
		end := exportAt
		for end < len(lines) && !strings.HasPrefix(lines[end], "}") {
			end++
		}
		if end == len(lines) {
			return "", errors.New("unterminated export clause")
		}
		body := strings.TrimPrefix(strings.Join(lines[exportAt:end], "\n"), "export")
		body = strings.TrimSpace(body)
		body = strings.TrimPrefix(body, "{")
		var getters []string
		for _, e := range strings.Split(body, "\n") {
			for _, part := range strings.Split(e, ",") {
				if strings.TrimSpace(part) == "" {
					continue
				}
				m := exportEntryRe.FindStringSubmatch(part)
				if m == nil {
					return "", errors.New("unexpected export clause entry: " + part)
				}
				local, name := m[1], m[2]
				if name == "" {
					name = local
				}
				getters = append(getters, fmt.Sprintf("get %s() { return %s; }", name, local))
			}
		}
		ret = "return { " + strings.Join(getters, ", ") + " };"
		for i := exportAt; i <= end; i++ {
			lines[i] = ""
		}
		lines[exportAt] = ret
		ret = ""
	}
	// The closing line goes before the source map comment, the last
	// non-empty line.
	last := len(lines) - 1
	for last > 0 && !strings.HasPrefix(lines[last], "//# sourceMappingURL=") {
		last--
	}
	if last == 0 {
		return "", errors.New("no source map")
	}
	lines[last] = ret + "})());\n" + lines[last]
	lines[0] = strings.Join(imports, " ") + " " + TLAName + "((async () => { " + lines[0]
	return strings.Join(lines, "\n"), nil
}
