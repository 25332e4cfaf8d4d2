package benchmarks

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// errNoChart tells saveFiles that a result has nothing to draw.
var errNoChart = errors.New("no chart")

// saveFiles writes <name>.json (r, indented), <name>.txt (what table
// writes) and <name>.svg (what chart writes, unless chart is nil or says
// errNoChart) into dir, and returns their paths in that order. Every
// suite saves its results through it.
func saveFiles(dir, name string, r any, table, chart func(io.Writer) error) ([]string, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("benchmarks: %w", err)
	}
	js, err := json.MarshalIndent(r, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("benchmarks: %w", err)
	}
	var tbl bytes.Buffer
	if err := table(&tbl); err != nil {
		return nil, err
	}
	files := [][2]string{{".json", string(js) + "\n"}, {".txt", tbl.String()}}
	if chart != nil {
		var svg bytes.Buffer
		switch err := chart(&svg); {
		case err == nil:
			files = append(files, [2]string{".svg", svg.String()})
		case !errors.Is(err, errNoChart):
			return nil, err
		}
	}
	var paths []string
	for _, f := range files {
		p := filepath.Join(dir, name+f[0])
		if err := os.WriteFile(p, []byte(f[1]), 0o644); err != nil {
			return paths, fmt.Errorf("benchmarks: %w", err)
		}
		paths = append(paths, p)
	}
	return paths, nil
}

// Save writes <name>.json (the whole result), <name>.txt (the table) and
// <name>.svg (the chart, when any configuration has results) into dir and
// returns their paths.
func Save(r *Result, dir, name string) ([]string, error) {
	return saveFiles(dir, name, r,
		func(w io.Writer) error { return WriteTable(w, r) },
		func(w io.Writer) error {
			if chartBaseline(r) == nil {
				return errNoChart
			}
			return WriteChart(w, r)
		})
}
