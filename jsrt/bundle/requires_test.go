package bundle

import (
	"reflect"
	"testing"
)

func TestScanRequires(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []request
	}{
		{"quotes", "require('a');\nrequire(\"b\");\nrequire(`c`);",
			[]request{{1, "a", false, false}, {2, "b", false, false}, {3, "c", false, false}}},
		{"resolve", "const p = require.resolve('./data.bin');",
			[]request{{1, "./data.bin", false, false}}},
		{"dynamic", "require(x);\nrequire('a' + b);\nrequire(`./${x}`);",
			[]request{{1, "", false, false}, {2, "", false, false}, {3, "", false, false}}},
		{"no argument", "require();", nil},
		{"import() as transformed", "__dynim('./m.mjs'); __dynim.resolve('no');",
			[]request{{1, "./m.mjs", false, true}}},
		{"try", "try { require('opt') } catch (e) { require('c') } finally { require('f') }",
			[]request{{1, "opt", true, false}, {1, "c", false, false}, {1, "f", false, false}}},
		{"try in a function in try", "try { (() => require('x'))() } catch {}",
			[]request{{1, "x", true, false}}},
		{"nested", "function f() { return () => [require('a'), class { m() { return require('b') } }] }",
			[]request{{1, "a", false, false}, {1, "b", false, false}}},
		{"parameter shadows", "function f(require) { require('no') }\nrequire('yes');",
			[]request{{2, "yes", false, false}}},
		{"arrow parameter shadows", "const f = (require) => require('no');",
			nil},
		{"var shadows in a function", "function f() { var require = g; require('no') }",
			nil},
		{"module var shadows", "var require = function () {};\nrequire('no');",
			nil},
		{"function declaration shadows", "function require(x) {}\nrequire('no');",
			nil},
		{"other callee", "r('a'); obj.require('b'); new require('c');", nil},
		{"top-level return is fine", "if (x) return;\nrequire('a');",
			[]request{{2, "a", false, false}}},
		{"shebang", "#!/usr/bin/env node\nrequire('a');",
			[]request{{2, "a", false, false}}},
		{"optional call", "module?.x;\nrequire('a')?.b;",
			[]request{{2, "a", false, false}}},
		{"in a string or comment", "// require('a')\nconst s = \"require('b')\";", nil},
	}
	for _, tt := range tests {
		got, err := scanRequires("t.js", tt.src)
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: got %+v, want %+v", tt.name, got, tt.want)
		}
	}
}

func TestScanRequiresSyntaxError(t *testing.T) {
	tests := []struct{ src, want string }{
		{"let x = ;", "t.js:1:9: SyntaxError: Unexpected token ;"},
		{"ok();\n  )", "t.js:2:3: SyntaxError: Unexpected token )"},
		{"ok();\n  }", "t.js:2:3: SyntaxError: Unexpected token }"},
		{"}", "t.js:1:1: SyntaxError: Unexpected token }"},
		{"import x from 'y';", "t.js:1:1: SyntaxError: Unexpected reserved word"},
	}
	for _, tt := range tests {
		_, err := scanRequires("t.js", tt.src)
		if err == nil || err.Error() != tt.want {
			t.Errorf("%q: error %v, want %q", tt.src, err, tt.want)
		}
	}
}
