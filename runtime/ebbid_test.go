package runtime

import (
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"strings"
	"sync"
	"testing"
)

func TestAllocateIdUniqueAndDynamic(t *testing.T) {
	const goroutines, each = 8, 500
	ids := make(chan EbbId, goroutines*each)
	var wg sync.WaitGroup
	for range goroutines {
		wg.Go(func() {
			for range each {
				ids <- AllocateId()
			}
		})
	}
	wg.Wait()
	close(ids)
	seen := make(map[EbbId]bool)
	for id := range ids {
		if id < FirstDynamicId {
			t.Fatalf("AllocateId returned %v, inside the static range", id)
		}
		if seen[id] {
			t.Fatalf("AllocateId returned %v twice", id)
		}
		seen[id] = true
	}
	if len(seen) != goroutines*each {
		t.Fatalf("got %d ids, want %d", len(seen), goroutines*each)
	}
}

func TestEbbIdString(t *testing.T) {
	tests := []struct {
		id   EbbId
		want string
	}{
		{EventManagerId, "EventManager(1)"},
		{MessengerId, "Messenger(2)"},
		{FirstDynamicId + 5, "EbbId(261)"},
		{200, "EbbId(200)"},
	}
	for _, tt := range tests {
		if got := tt.id.String(); got != tt.want {
			t.Errorf("EbbId(%d).String() = %q, want %q", uint32(tt.id), got, tt.want)
		}
	}
}

// TestStaticIdClashCheck shows that the static id list in ebbid.go rejects
// clashes at compile time: it type-checks the file's id declarations as
// they are, then with a clashing id added, then with an id in the dynamic
// range added.
func TestStaticIdClashCheck(t *testing.T) {
	tests := []struct {
		name    string
		value   string // value of an extra static id; "" adds none
		wantErr string
	}{
		{"list as written", "", ""},
		{"clashes with MessengerId", "2", "duplicate index"},
		{"in the dynamic range", "FirstDynamicId", "out of bounds"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := typeCheckIdList(t, tt.value)
			switch {
			case tt.wantErr == "" && err != nil:
				t.Fatalf("unexpected error: %v", err)
			case tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)):
				t.Fatalf("error = %v, want one containing %q", err, tt.wantErr)
			}
		})
	}
}

// typeCheckIdList type-checks the EbbId type, the const block and
// staticIdNames from ebbid.go; if extra is not empty it first adds
// `ExtraId EbbId = <extra>` to the consts and `ExtraId: "Extra"` to the names.
func typeCheckIdList(t *testing.T, extra string) error {
	t.Helper()
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "ebbid.go", nil, 0)
	if err != nil {
		t.Fatalf("parse ebbid.go: %v", err)
	}
	var keep []ast.Decl
	for _, d := range f.Decls {
		g, ok := d.(*ast.GenDecl)
		if !ok || g.Tok == token.IMPORT {
			continue
		}
		if g.Tok == token.VAR && g.Specs[0].(*ast.ValueSpec).Names[0].Name != "staticIdNames" {
			continue
		}
		keep = append(keep, g)
		if extra == "" {
			continue
		}
		switch g.Tok {
		case token.CONST:
			g.Specs = append(g.Specs, &ast.ValueSpec{
				Names:  []*ast.Ident{ast.NewIdent("ExtraId")},
				Type:   ast.NewIdent("EbbId"),
				Values: []ast.Expr{mustExpr(t, extra)},
			})
		case token.VAR:
			lit := g.Specs[0].(*ast.ValueSpec).Values[0].(*ast.CompositeLit)
			lit.Elts = append(lit.Elts, &ast.KeyValueExpr{
				Key: ast.NewIdent("ExtraId"), Value: mustExpr(t, `"Extra"`),
			})
		}
	}
	if len(keep) < 3 {
		t.Fatalf("ebbid.go: found %d of the 3 id declarations (type, consts, staticIdNames)", len(keep))
	}
	f.Decls = keep
	f.Imports = nil
	_, err = new(types.Config).Check("runtime", fset, []*ast.File{f}, nil)
	return err
}

func mustExpr(t *testing.T, src string) ast.Expr {
	t.Helper()
	e, err := parser.ParseExpr(src)
	if err != nil {
		t.Fatalf("parse %q: %v", src, err)
	}
	return e
}
