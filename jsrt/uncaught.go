package jsrt

import (
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode/utf16"

	"github.com/dop251/goja"
	"github.com/dop251/goja/file"
	"github.com/dop251/goja/parser"

	"github.com/ebbnode/ebbnode/jsrt/bundle"
	"github.com/ebbnode/ebbnode/jsrt/modules/all"
	"github.com/ebbnode/ebbnode/jsrt/modules/util"
)

// headerSym keys the "file:line / source line / caret" header that node
// prints above an uncaught error; syntax errors carry theirs from compile
// time, other errors get one from where they were thrown.
var headerSym = goja.NewSymbol("ebbnode.arrowMessage")

// printUncaught writes an uncaught exception to stderr in node 20's shape:
//
//	/abs/app.js:3
//	  throw new Error("boom");
//	  ^
//
//	Error: boom
//	    at f (/abs/app.js:3:9)
//
//	Node.js v20.0.0-ebbnode
//
// ex, when known, is where the value was thrown.
func (v *vm) printUncaught(val goja.Value, ex *goja.Exception) {
	var b strings.Builder
	obj, isObj := val.(*goja.Object)
	header := ""
	if isObj {
		if h := obj.GetSymbol(headerSym); h != nil && !goja.IsUndefined(h) {
			header = h.String()
		}
	}
	if header == "" && ex != nil {
		header = v.headerAt(ex.Stack())
	}
	if header == "" && isObj && isError(v.rt, val) {
		header = v.headerFromStack(obj.Get("stack"))
	}
	if isError(v.rt, val) {
		b.WriteString(header)
		if header != "" {
			b.WriteString("\n")
		}
		b.WriteString(v.errorText(obj))
		b.WriteString("\n")
	} else if isObj {
		b.WriteString("\n")
		b.WriteString(header)
		b.WriteString(safeInspect(v.rt, val))
		b.WriteString("\n")
	} else {
		b.WriteString("\n")
		b.WriteString(header)
		b.WriteString(val.String())
		b.WriteString("\n(Use `node --trace-uncaught ...` to show where the exception was thrown)\n")
	}
	b.WriteString("\nNode.js " + Version + "\n")
	_, _ = v.opts.Stderr.Write([]byte(b.String()))
}

// errorText is an error's stack in node's layout followed by its own extra
// properties ({ code: 'X', ... }).
func (v *vm) errorText(obj *goja.Object) string {
	stack := ""
	if s := obj.Get("stack"); s != nil && !goja.IsUndefined(s) && !goja.IsNull(s) {
		stack = v.nodeStack(s.String())
	}
	if stack == "" {
		stack = obj.Get("name").String() + ": " + obj.Get("message").String()
	}
	var props []string
	for _, k := range obj.Keys() {
		if k == "stack" || k == "message" {
			continue
		}
		props = append(props, "  "+propKey(k)+": "+safeInspect(v.rt, obj.Get(k)))
	}
	if len(props) > 0 {
		stack += " {\n" + strings.Join(props, ",\n") + "\n}"
	}
	return stack
}

var identRe = regexp.MustCompile(`^[A-Za-z_$][A-Za-z0-9_$]*$`)

func propKey(k string) string {
	if identRe.MatchString(k) {
		return k
	}
	return "'" + strings.ReplaceAll(k, "'", "\\'") + "'"
}

// frameRe matches the position at the end of one of goja's stack lines:
// "file:line:col(pc)" optionally in parentheses.
var frameRe = regexp.MustCompile(`([^\s()]+):(\d+):(\d+)(\(\d+\))?(\)?)$`)

// nodeStack rewrites goja's stack text ("\tat f (file:1:2(3))") in node's
// layout ("    at f (file:1:2)"), with first-line columns corrected for the
// module wrapper.
func (v *vm) nodeStack(s string) string {
	var out []string
	for _, ln := range strings.Split(strings.TrimRight(s, "\n"), "\n") {
		if !strings.HasPrefix(ln, "\tat ") {
			out = append(out, ln)
			continue
		}
		if internalFrame(ln) {
			continue
		}
		ln = "    at " + ln[4:]
		ln = frameRe.ReplaceAllStringFunc(ln, func(m string) string {
			sm := frameRe.FindStringSubmatch(m)
			line, _ := strconv.Atoi(sm[2])
			col, _ := strconv.Atoi(sm[3])
			col = v.fixColumn(sm[1], line, col)
			return fmt.Sprintf("%s:%d:%d%s", v.frameName(sm[1]), line, col, sm[5])
		})
		out = append(out, ln)
	}
	return strings.Join(out, "\n")
}

// internalFrame reports whether a goja stack line is ebbnode's own
// plumbing (Go functions, the bootstrap's runTop) rather than anything
// node would show.
func internalFrame(ln string) bool {
	return strings.HasPrefix(ln, "\tat github.com/") || ln == "\tat apply (native)" ||
		strings.Contains(ln, "(node:internal/bootstrap:")
}

// fixColumn removes the module wrapper's head from first-line columns
// (not in transformed files, whose positions come from source maps).
func (v *vm) fixColumn(file string, line, col int) int {
	if v.mods != nil && v.mods.mapped[file] {
		return col
	}
	return fixColumn(line, col)
}

func fixColumn(line, col int) int {
	if line == 1 && col > len(wrapperHead) {
		return col - len(wrapperHead)
	}
	return col
}

// headerAt builds the header from the innermost frame that has a file.
func (v *vm) headerAt(frames []goja.StackFrame) string {
	for _, f := range frames {
		p := f.Position()
		if p.Filename == "" || p.Line == 0 || strings.HasPrefix(p.Filename, "node:") {
			continue
		}
		return v.header(p.Filename, p.Line, v.fixColumn(p.Filename, p.Line, p.Column))
	}
	return ""
}

// headerFromStack builds the header from the first frame of a stack text
// (where the error was created: node's choice for rejections).
func (v *vm) headerFromStack(s goja.Value) string {
	if s == nil || goja.IsUndefined(s) {
		return ""
	}
	for _, ln := range strings.Split(s.String(), "\n")[1:] {
		sm := frameRe.FindStringSubmatch(strings.TrimSpace(ln))
		if sm == nil || strings.HasPrefix(sm[1], "node:") {
			continue
		}
		line, _ := strconv.Atoi(sm[2])
		col, _ := strconv.Atoi(sm[3])
		return v.header(sm[1], line, v.fixColumn(sm[1], line, col))
	}
	return ""
}

// header is "file:line\n<source line>\n<caret>\n". width > 1 widens the
// caret (node marks a whole bad token in syntax errors).
func (v *vm) header(filename string, line, col int) string {
	return v.headerWidth(filename, line, col, 1)
}

func (v *vm) headerWidth(filename string, line, col, width int) string {
	src, ok := v.sourceOf(filename)
	if !ok || line < 1 {
		return ""
	}
	lines := strings.Split(src, "\n")
	if line > len(lines) {
		// Past the end (unexpected end of input): node shows the last,
		// empty line and no caret.
		return fmt.Sprintf("%s:%d\n%s\n\n", filename, len(lines), lines[len(lines)-1])
	}
	text := strings.TrimSuffix(lines[line-1], "\r")
	if col < 1 {
		col = 1
	}
	// V8 points at the throw statement in scripts, at the thrown
	// expression in ES modules (as goja does).
	esm := v.isESMFile(filename)
	if before := text[:min(col-1, len(text))]; !esm && strings.HasSuffix(strings.TrimRight(before, " "), "throw") {
		col = len(strings.TrimRight(before, " ")) - len("throw") + 1
	}
	// Columns count bytes; node's caret counts UTF-16 units.
	pad := min(col-1, len(text))
	end := pad + max(1, min(width, len(text)-pad))
	return fmt.Sprintf("%s:%d\n%s\n%s%s\n", v.frameName(filename), line, text,
		strings.Repeat(" ", utf16Len(text[:pad])), strings.Repeat("^", max(1, utf16Len(text[pad:min(end, len(text))]))))
}

// isESMFile reports whether filename was loaded as an ES module.
func (v *vm) isESMFile(filename string) bool {
	return v.mods != nil && v.mods.esmFiles[filename]
}

// frameName is how node names a file in stacks and headers: ES modules
// by their file: URL.
func (v *vm) frameName(filename string) string {
	if v.isESMFile(filename) {
		return fileURL(filename)
	}
	return filename
}

// sourceOf is a module's original source text: for a transformed file,
// what this process transformed or the source map's copy (in an image,
// the bundle holds the transformed text only).
func (v *vm) sourceOf(filename string) (string, bool) {
	if v.mods != nil {
		if s, ok := v.mods.orig[filename]; ok {
			return s, true
		}
	}
	src, err := v.fs.ReadFile(filename)
	if err != nil {
		return "", false
	}
	text := bundle.SourceText(src)
	if t, _ := bundle.Transformed(text); t {
		return originalSource(text)
	}
	return text, true
}

// originalSource extracts sourcesContent[0] from transformed text's inline
// source map.
func originalSource(text string) (string, bool) {
	const prefix = "//# sourceMappingURL=data:application/json;base64,"
	i := strings.LastIndex(text, prefix)
	if i < 0 {
		return "", false
	}
	data, err := base64.StdEncoding.DecodeString(strings.TrimSpace(text[i+len(prefix):]))
	if err != nil {
		return "", false
	}
	var m struct {
		SourcesContent []string `json:"sourcesContent"`
	}
	if json.Unmarshal(data, &m) != nil || len(m.SourcesContent) == 0 {
		return "", false
	}
	return m.SourcesContent[0], true
}

// sourceError is a transformer's syntax error as a thrown SyntaxError with
// node's header at the original position.
func (l *loader) sourceError(filename string, se *bundle.SourceError) error {
	msg := v8Message(se.Msg)
	e, err := l.rt.New(l.rt.Get("SyntaxError"), l.rt.ToValue(msg))
	if err != nil {
		return err
	}
	_ = e.DefineDataProperty("stack", l.rt.ToValue("SyntaxError: "+msg), goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
	if se.Line > 0 {
		h := l.v.headerWidth(filename, se.Line, se.Column, 1)
		_ = e.DefineDataPropertySymbol(headerSym, l.rt.ToValue(h), goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_FALSE)
	}
	return jsError{e}
}

var (
	esbuildUnexpected = regexp.MustCompile(`^Unexpected "(.+)"$`)
	esbuildRedeclared = regexp.MustCompile(`^The symbol "(.+)" has already been declared$`)
)

// v8Message rewords esbuild's commonest syntax errors as V8's.
func v8Message(msg string) string {
	if m := esbuildUnexpected.FindStringSubmatch(msg); m != nil {
		if identRe.MatchString(m[1]) {
			return "Unexpected identifier '" + m[1] + "'"
		}
		return "Unexpected token '" + m[1] + "'"
	}
	if m := esbuildRedeclared.FindStringSubmatch(msg); m != nil {
		return "Identifier '" + m[1] + "' has already been declared"
	}
	if msg == "Unexpected end of file" {
		return "Unexpected end of input"
	}
	return msg
}

func utf16Len(s string) int {
	n := 0
	for _, r := range s {
		n += utf16.RuneLen(r)
	}
	return n
}

// syntaxError turns a parse or compile error into a JS SyntaxError with
// node's message wording and header.
func (l *loader) syntaxError(filename, src string, err error) error {
	msg := err.Error()
	line, col := 0, 0
	var pos file.Position
	var list parser.ErrorList
	var one *parser.Error
	if errors.As(err, &list) && len(list) > 0 {
		sort.Sort(list)
		one = list[0]
	} else {
		errors.As(err, &one)
	}
	if one != nil {
		pos = one.Position
		line, col = one.Position.Line, fixColumn(one.Position.Line, one.Position.Column)
		msg = nodeSyntaxMessage(one.Message, src, one.Position)
	} else if ce := new(goja.CompilerSyntaxError); errors.As(err, &ce) {
		msg = ce.Message
		if ce.File != nil {
			pos = ce.File.Position(ce.Offset)
			line, col = pos.Line, fixColumn(pos.Line, pos.Column)
		}
	}
	e, nerr := l.rt.New(l.rt.Get("SyntaxError"), l.rt.ToValue(msg))
	if nerr != nil {
		return nerr
	}
	_ = e.DefineDataProperty("stack", l.rt.ToValue("SyntaxError: "+msg), goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
	if line > 0 {
		width := len(identAt(src, pos))
		if msg == "Invalid or unexpected token" {
			width = 1 << 20 // to the end of the line
		}
		h := l.v.headerWidth(filename, line, col, width)
		_ = e.DefineDataPropertySymbol(headerSym, l.rt.ToValue(h), goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_FALSE)
	}
	return jsError{e}
}

// jsError is an error that is a JS value to throw (see throw).
type jsError struct{ val goja.Value }

func (e jsError) Error() string { return e.val.String() }

// throw raises err in JS: a jsError or goja exception as itself, any other
// error as a Go error object.
func throw(rt *goja.Runtime, err error) {
	var je jsError
	if errors.As(err, &je) {
		panic(je.val)
	}
	var ex *goja.Exception
	if errors.As(err, &ex) {
		panic(ex)
	}
	panic(rt.NewGoError(err))
}

var tokenRe = regexp.MustCompile(`^Unexpected token (.+)$`)

// nodeSyntaxMessage rewords goja's parser messages as V8's where they
// differ only in form.
func nodeSyntaxMessage(msg, src string, pos file.Position) string {
	if msg == "Unexpected token ILLEGAL" {
		return "Invalid or unexpected token"
	}
	if m := tokenRe.FindStringSubmatch(msg); m != nil {
		return "Unexpected token '" + m[1] + "'"
	}
	if msg == "Unexpected reserved word" && identAt(src, pos) == "import" {
		// ES modules are not supported: say it as node did before it
		// learnt to detect module syntax.
		return "Cannot use import statement outside a module"
	}
	if msg == "Unexpected identifier" || msg == "Unexpected reserved word" {
		if id := identAt(src, pos); id != "" {
			return msg + " '" + id + "'"
		}
	}
	return msg
}

// identAt returns the identifier starting at pos in the module source.
func identAt(src string, pos file.Position) string {
	lines := strings.Split(src, "\n")
	if pos.Line < 1 || pos.Line > len(lines) {
		return ""
	}
	ln := lines[pos.Line-1]
	col := fixColumn(pos.Line, pos.Column) - 1
	if col < 0 || col >= len(ln) {
		return ""
	}
	end := col
	for end < len(ln) && (ln[end] == '_' || ln[end] == '$' || ln[end] >= '0' && ln[end] <= '9' ||
		ln[end] >= 'a' && ln[end] <= 'z' || ln[end] >= 'A' && ln[end] <= 'Z') {
		end++
	}
	return ln[col:end]
}

func isError(rt *goja.Runtime, v goja.Value) bool {
	obj, ok := v.(*goja.Object)
	if !ok {
		return false
	}
	ctor, ok := rt.Get("Error").(*goja.Object)
	return ok && rt.InstanceOf(obj, ctor)
}

// safeInspect is util.inspect that never throws.
func safeInspect(rt *goja.Runtime, v goja.Value) (s string) {
	defer func() {
		if recover() != nil {
			s = v.String()
		}
	}()
	return util.Inspect(rt, v)
}

func inspectValue(rt *goja.Runtime, v goja.Value) string { return safeInspect(rt, v) }

// describeReceived is the " Received ..." tail of node's
// ERR_INVALID_ARG_TYPE messages, from the one builder, internal/errors.
func describeReceived(rt *goja.Runtime, v goja.Value) string {
	if v == nil {
		v = goja.Undefined()
	}
	fn, ok := goja.AssertFunction(all.Internal(rt, "internal/errors").Get("describeReceived"))
	if !ok {
		return ""
	}
	s, err := fn(goja.Undefined(), v)
	if err != nil {
		return ""
	}
	return s.String()
}
