package jsrt

import (
	"fmt"
	"reflect"
	"regexp"
	"strings"

	"github.com/dop251/goja/ast"
	"github.com/dop251/goja/file"
	"github.com/dop251/goja/parser"
	"github.com/dop251/goja/unistring"

	"github.com/ebbnode/ebbnode/jsrt/internal/engine"
)

// needsRegExpRewrite is the cheap test that lets a module without \p{,
// \P{, (?< or a v-flag literal skip the rewrite.
func needsRegExpRewrite(src string) bool {
	return strings.Contains(src, `\p{`) || strings.Contains(src, `\P{`) || strings.Contains(src, "(?<") ||
		unicodeSetsLiteral.MatchString(src)
}

// unicodeSetsLiteral finds what may be a regular-expression literal with
// the v flag (a false hit only costs the AST walk).
var unicodeSetsLiteral = regexp.MustCompile(`/[dgimsy]*v[dgimsy]*\b`)

// rewriteRegExps fixes, in a parsed module, the regular-expression
// literals goja would get wrong:
//
//   - Unicode property escapes (\p{L}, \p{Script=Greek}, ...) with the u
//     flag become explicit classes (engine.TranslatePropertyEscapes):
//     goja reads \p as a plain p, so these compiled and never matched.
//   - A literal with the v flag, which goja lacks, becomes a u one
//     (engine.TranslateUnicodeSets).
//   - Such a literal, and one with named groups, is wrapped in a call of
//     __ebbnode_re (engine.js), which gives it back the source it was
//     written with, its results groups and its replace $<name>.
//
// engine.js does the same for patterns given to RegExp at run time. The
// AST keeps its positions, so error columns do not move.
func rewriteRegExps(prg *ast.Program) error {
	var err error
	seen := map[uintptr]bool{}
	walkAST(reflect.ValueOf(prg), seen, func(lit *ast.RegExpLiteral) ast.Expression {
		if err != nil {
			return nil
		}
		args := []ast.Expression{lit}
		source := &ast.StringLiteral{Idx: lit.Idx, Value: unistring.NewFromString(lit.Pattern)}
		if strings.Contains(lit.Flags, "v") && !strings.Contains(lit.Flags, "u") {
			// goja has no v flag: the pattern becomes a u one, marked as v.
			out, terr := engine.TranslateUnicodeSets(lit.Pattern)
			if terr != nil {
				err = regexpError(prg, lit.Idx, "/"+lit.Pattern+"/"+lit.Flags, terr)
				return nil
			}
			args = append(args, source, &ast.BooleanLiteral{Idx: lit.Idx, Value: true})
			lit.Pattern = out
			lit.Flags = strings.Replace(lit.Flags, "v", "u", 1)
		}
		if unicodeFlags(lit.Flags) {
			out, ok, terr := engine.TranslatePropertyEscapes(lit.Pattern)
			if terr != nil {
				err = regexpError(prg, lit.Idx, "/"+lit.Pattern+"/"+lit.Flags, terr)
				return nil
			}
			if ok {
				if len(args) == 1 { // the source as written, for source and toString
					args = append(args, source)
				}
				lit.Pattern = out
			}
		}
		if len(args) == 1 && engine.NamedGroups(lit.Pattern) == nil {
			return nil
		}
		return &ast.CallExpression{
			Callee:           &ast.Identifier{Name: "__ebbnode_re", Idx: lit.Idx},
			LeftParenthesis:  lit.Idx,
			ArgumentList:     args,
			RightParenthesis: lit.Idx1() - 1,
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

// walkAST visits every regular-expression literal reachable from v and
// puts what replace returns (when not nil) in its place. goja's AST has
// no visitor; its nodes are plain structs, slices and interfaces.
func walkAST(v reflect.Value, seen map[uintptr]bool, replace func(*ast.RegExpLiteral) ast.Expression) {
	switch v.Kind() {
	case reflect.Interface:
		if v.IsNil() {
			return
		}
		if lit, ok := v.Elem().Interface().(*ast.RegExpLiteral); ok {
			if seen[v.Elem().Pointer()] {
				return
			}
			seen[v.Elem().Pointer()] = true
			if repl := replace(lit); repl != nil && v.CanSet() {
				v.Set(reflect.ValueOf(repl))
			}
			return
		}
		walkAST(v.Elem(), seen, replace)
	case reflect.Pointer:
		if v.IsNil() || seen[v.Pointer()] {
			return
		}
		if _, isFile := v.Interface().(*file.File); isFile {
			return
		}
		seen[v.Pointer()] = true
		walkAST(v.Elem(), seen, replace)
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			walkAST(v.Field(i), seen, replace)
		}
	case reflect.Slice:
		for i := 0; i < v.Len(); i++ {
			walkAST(v.Index(i), seen, replace)
		}
	}
}
