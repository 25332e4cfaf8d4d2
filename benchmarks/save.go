package benchmarks

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
)

// Save writes <name>.json (the whole result), <name>.txt (the table) and
// <name>.svg (the chart, when any configuration has results) into dir and
// returns their paths.
func Save(r *Result, dir, name string) ([]string, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("benchmarks: %w", err)
	}
	js, err := json.MarshalIndent(r, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("benchmarks: %w", err)
	}
	var table, chart bytes.Buffer
	if err := WriteTable(&table, r); err != nil {
		return nil, err
	}
	files := map[string][]byte{".json": append(js, '\n'), ".txt": table.Bytes()}
	if chartBaseline(r) != nil {
		if err := WriteChart(&chart, r); err != nil {
			return nil, err
		}
		files[".svg"] = chart.Bytes()
	}
	var paths []string
	for _, ext := range []string{".json", ".txt", ".svg"} {
		data, ok := files[ext]
		if !ok {
			continue
		}
		p := filepath.Join(dir, name+ext)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			return paths, fmt.Errorf("benchmarks: %w", err)
		}
		paths = append(paths, p)
	}
	return paths, nil
}
