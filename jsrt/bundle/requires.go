package bundle

import (
	"errors"
	"reflect"
	"strings"

	"github.com/dop251/goja"
	"github.com/dop251/goja/ast"
	"github.com/dop251/goja/file"
	"github.com/dop251/goja/parser"
)

// wrapperHead is the CommonJS wrapper jsrt's loader puts around a module
// (jsrt/loader.go), on the module's first line. Parsing the same wrapped
// text accepts exactly what the loader accepts (top-level return, for
// instance) and keeps line numbers; columns on line 1 are shifted back.
const wrapperHead = "(function (exports, require, module, __filename, __dirname) { "

// request is one require call found in a source file.
type request struct {
	line int
	// name is the literal argument; empty for a dynamic require.
	name string
	// optional is set when the call sits in a try block: node code loads
	// optional dependencies that way and copes with their absence.
	optional bool
	// dynamicImport is set for import() in transformed code (__dynim),
	// resolved with node's "import" conditions.
	dynamicImport bool
}

// scanRequires parses a module's source as jsrt's loader would and lists
// its require calls in source order. A syntax error is a *SourceError with
// line and column; display is the file name shown in messages.
func scanRequires(display, src string) ([]request, error) {
	if strings.HasPrefix(src, "#!") {
		src = "//" + src[2:]
	}
	src = strings.TrimPrefix(src, "\uFEFF")
	prog, err := parser.ParseFile(nil, display, wrapperHead+src+"\n})", 0, parser.WithDisableSourceMaps)
	if err != nil {
		serr := syntaxError(display, err, len(wrapperHead))
		// A stray "}" closes the wrapper, and the parser then complains
		// about the wrapper's tail, past the end of the file. The
		// unwrapped source shows where the "}" really is.
		if serr.Line > strings.Count(src, "\n")+1 {
			if _, err2 := parser.ParseFile(nil, display, src, 0, parser.WithDisableSourceMaps); err2 != nil {
				serr = syntaxError(display, err2, 0)
			}
		}
		return nil, serr
	}
	s := &scanner{file: prog.File}
	// The wrapper's own require parameter is node's require: walk its body
	// as the module's top level, where only the module's own declarations
	// can shadow require.
	if fn := wrapperFunc(prog); fn != nil {
		sh := declaresRequire(nil, fn.DeclarationList) || declaresRequireFunc(fn.Body)
		s.walk(reflect.ValueOf(fn.Body), false, sh)
	} else {
		s.walk(reflect.ValueOf(prog), false, false)
	}
	return s.reqs, nil
}

// compiles reports whether goja compiles src in the loader's wrapper.
// Its parser accepts some syntax its compiler refuses (async generators);
// the loader lowers such a file with esbuild, so the build must as well.
func compiles(src string) bool {
	prog, err := parser.ParseFile(nil, "", wrapperHead+src+"\n})", 0, parser.WithDisableSourceMaps)
	if err != nil {
		return false
	}
	_, err = goja.CompileAST(prog, false)
	return err == nil
}

// wrapperFunc returns the wrapper function literal, or nil when the
// module's source closed the wrapper itself (then the whole program is
// walked).
func wrapperFunc(prog *ast.Program) *ast.FunctionLiteral {
	if len(prog.Body) != 1 {
		return nil
	}
	st, ok := prog.Body[0].(*ast.ExpressionStatement)
	if !ok {
		return nil
	}
	fn, _ := st.Expression.(*ast.FunctionLiteral)
	return fn
}

// syntaxError turns a parser error into a *SourceError; shift is the
// length of the wrapper head in front of the source's first line.
func syntaxError(display string, err error, shift int) *SourceError {
	var list parser.ErrorList
	var one *parser.Error
	var pe *parser.Error
	switch {
	case errors.As(err, &list) && len(list) > 0:
		pe = list[0]
	case errors.As(err, &one):
		pe = one
	default:
		return &SourceError{Pos: Pos{File: display}, Msg: "syntax error: " + err.Error()}
	}
	pos := Pos{File: display, Line: pe.Position.Line, Column: pe.Position.Column}
	if pos.Line == 1 {
		pos.Column -= shift
		if pos.Column < 1 {
			pos.Column = 1
		}
	}
	return &SourceError{Pos: pos, Msg: "SyntaxError: " + pe.Message}
}

// scanner walks a goja AST. goja has no AST visitor, so the walk goes
// through every exported field by reflection; that keeps it correct for
// node types added to goja later. A few node types get special care: calls
// (the point), try blocks (optional requires) and functions that declare
// their own "require" (which then is not node's).
type scanner struct {
	file *file.File
	reqs []request
}

var (
	nodeType    = reflect.TypeOf((*ast.Node)(nil)).Elem()
	filePtrType = reflect.TypeOf((*file.File)(nil))
)

const (
	requireIdent  = "require"
	resolveMethod = "resolve"
	// dynImportIdent is what jsrt/transform turns import() into.
	dynImportIdent = "__dynim"
)

// walk visits v. inTry says v is inside a try block; shadowed says the
// nearest function declares its own require.
func (s *scanner) walk(v reflect.Value, inTry, shadowed bool) {
	switch v.Kind() {
	case reflect.Interface:
		if !v.IsNil() {
			s.walk(v.Elem(), inTry, shadowed)
		}
	case reflect.Pointer:
		if v.IsNil() || v.Type() == filePtrType {
			return
		}
		if v.Type().Implements(nodeType) {
			if s.visit(v.Interface().(ast.Node), inTry, shadowed) {
				return
			}
		}
		s.walk(v.Elem(), inTry, shadowed)
	case reflect.Slice:
		for i := 0; i < v.Len(); i++ {
			s.walk(v.Index(i), inTry, shadowed)
		}
	case reflect.Struct:
		t := v.Type()
		for i := 0; i < t.NumField(); i++ {
			// DeclarationList repeats bindings that the body holds
			// already; walking it would count their requires twice.
			if !t.Field(i).IsExported() || t.Field(i).Name == "DeclarationList" {
				continue
			}
			s.walk(v.Field(i), inTry, shadowed)
		}
	}
}

// visit handles the node types that need care and reports whether it
// walked n's children itself.
func (s *scanner) visit(n ast.Node, inTry, shadowed bool) bool {
	switch n := n.(type) {
	case *ast.TryStatement:
		s.walk(reflect.ValueOf(n.Body), true, shadowed)
		s.walk(reflect.ValueOf(n.Catch), inTry, shadowed)
		s.walk(reflect.ValueOf(n.Finally), inTry, shadowed)
		return true
	case *ast.FunctionLiteral:
		sh := shadowed || declaresRequire(n.ParameterList, n.DeclarationList) ||
			declaresRequireFunc(n.Body)
		s.walk(reflect.ValueOf(n.ParameterList), inTry, sh)
		s.walk(reflect.ValueOf(n.Body), inTry, sh)
		return true
	case *ast.ArrowFunctionLiteral:
		sh := shadowed || declaresRequire(n.ParameterList, n.DeclarationList)
		s.walk(reflect.ValueOf(n.ParameterList), inTry, sh)
		s.walk(reflect.ValueOf(n.Body), inTry, sh)
		return true
	case *ast.CallExpression:
		if !shadowed {
			s.call(n, inTry)
		}
	}
	return false
}

// call records n if it is require(x) or require.resolve(x).
func (s *scanner) call(n *ast.CallExpression, inTry bool) {
	callee := n.Callee
	if dot, ok := callee.(*ast.DotExpression); ok && dot.Identifier.Name.String() == resolveMethod {
		callee = dot.Left
	}
	id, ok := callee.(*ast.Identifier)
	if !ok || (id.Name.String() != requireIdent && (id.Name.String() != dynImportIdent || callee != n.Callee)) {
		return
	}
	line := s.file.Position(int(n.Idx0()) - s.file.Base()).Line
	req := request{line: line, optional: inTry, dynamicImport: id.Name.String() == dynImportIdent}
	if len(n.ArgumentList) > 0 {
		if name, ok := literal(n.ArgumentList[0]); ok {
			req.name = name
		}
	}
	if req.name == "" && len(n.ArgumentList) == 0 {
		return // require() throws at run time; nothing to bundle
	}
	s.reqs = append(s.reqs, req)
}

// literal returns the value of a string literal or a template literal
// without substitutions.
func literal(e ast.Expression) (string, bool) {
	switch e := e.(type) {
	case *ast.StringLiteral:
		return e.Value.String(), true
	case *ast.TemplateLiteral:
		if e.Tag == nil && len(e.Expressions) == 0 && len(e.Elements) == 1 {
			return e.Elements[0].Parsed.String(), true
		}
	}
	return "", false
}

// declaresRequire reports whether a function has a parameter or a var or
// function declaration named require: calls to it in that function are
// not node's require (bundlers' output does this).
func declaresRequire(params *ast.ParameterList, decls []*ast.VariableDeclaration) bool {
	if params != nil {
		for _, b := range params.List {
			if id, ok := b.Target.(*ast.Identifier); ok && id.Name.String() == requireIdent {
				return true
			}
		}
	}
	for _, d := range decls {
		for _, b := range d.List {
			if id, ok := b.Target.(*ast.Identifier); ok && id.Name.String() == requireIdent {
				return true
			}
		}
	}
	return false
}

// declaresRequireFunc reports whether a function body declares a function
// named require at its top level.
func declaresRequireFunc(body *ast.BlockStatement) bool {
	if body == nil {
		return false
	}
	for _, st := range body.List {
		if fd, ok := st.(*ast.FunctionDeclaration); ok && fd.Function != nil &&
			fd.Function.Name != nil && fd.Function.Name.Name.String() == requireIdent {
			return true
		}
	}
	return false
}
