package jsrt

import (
	"fmt"
	"reflect"
	"strings"

	"github.com/dop251/goja/ast"
	"github.com/dop251/goja/file"
	"github.com/dop251/goja/parser"

	"github.com/ebbnode/ebbnode/jsrt/internal/engine"
)

// hasPropertyEscape is the cheap test that lets a module without \p{ or
// \P{ skip the rewrite.
func hasPropertyEscape(src string) bool {
	return strings.Contains(src, `\p{`) || strings.Contains(src, `\P{`)
}

// rewritePropertyEscapes rewrites, in a parsed module, the Unicode
// property escapes (\p{L}, \p{Script=Greek}, ...) of regular-expression
// literals with the u flag as explicit classes
// (engine.TranslatePropertyEscapes): goja reads \p as a plain p, so these
// compiled and never matched. engine.js does the same for patterns given
// to RegExp at run time. The AST keeps its positions, so error columns do
// not move; a rewritten regular expression's source is the expanded
// class.
func rewritePropertyEscapes(prg *ast.Program) error {
	var err error
	seen := map[uintptr]bool{}
	walkAST(reflect.ValueOf(prg), seen, func(n any) {
		if err != nil {
			return
		}
		if n, ok := n.(*ast.RegExpLiteral); ok {
			if !unicodeFlags(n.Flags) {
				return
			}
			out, ok, terr := engine.TranslatePropertyEscapes(n.Pattern)
			if terr != nil {
				err = regexpError(prg, n.Idx, "/"+n.Pattern+"/"+n.Flags, terr)
				return
			}
			if ok {
				n.Pattern = out
			}
		}
	})
	return err
}

func unicodeFlags(flags string) bool { return strings.ContainsAny(flags, "uv") }

// regexpError is V8's early SyntaxError for a bad property name.
func regexpError(prg *ast.Program, idx file.Idx, re string, err error) error {
	return &parser.Error{
		Position: prg.File.Position(int(idx) - prg.File.Base()),
		Message:  fmt.Sprintf("Invalid regular expression: %s: %v", re, err),
	}
}

// walkAST calls visit on every node pointer reachable from v. goja's AST
// has no visitor; its nodes are plain structs, slices and interfaces.
func walkAST(v reflect.Value, seen map[uintptr]bool, visit func(any)) {
	switch v.Kind() {
	case reflect.Interface:
		if !v.IsNil() {
			walkAST(v.Elem(), seen, visit)
		}
	case reflect.Pointer:
		if v.IsNil() || seen[v.Pointer()] {
			return
		}
		if _, isFile := v.Interface().(*file.File); isFile {
			return
		}
		seen[v.Pointer()] = true
		visit(v.Interface())
		walkAST(v.Elem(), seen, visit)
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			walkAST(v.Field(i), seen, visit)
		}
	case reflect.Slice:
		for i := 0; i < v.Len(); i++ {
			walkAST(v.Index(i), seen, visit)
		}
	}
}
