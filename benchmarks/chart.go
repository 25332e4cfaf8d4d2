package benchmarks

import (
	"fmt"
	"html"
	"io"
	"math"
	"strings"
)

// The chart is hand-written SVG: one group of bars per suite (and one for
// the geometric mean), one bar per configuration, each the configuration's
// median score over the baseline's, like EbbRT's figure normalised to the
// Linux VM. Our ratios span four orders of magnitude (V8 against an
// interpreter under TCG), so the axis is logarithmic with 1 marked, and bars
// rise from a decade below the lowest value so the baseline's bars (1) show.
// A chart package would add a dependency tree for a few dozen lines.

var barColors = []string{"#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#b07aa1", "#76b7b2"}

// chartBaseline is the configuration the chart divides by: the Linux VM (d)
// when it has results, else the first configuration that has.
func chartBaseline(r *Result) *ConfigResult {
	if d := r.config("d"); d != nil && d.Median != nil {
		return d
	}
	for _, c := range r.Configs {
		if c.Median != nil {
			return c
		}
	}
	return nil
}

// WriteChart draws the result as SVG.
func WriteChart(w io.Writer, r *Result) error {
	base := chartBaseline(r)
	if base == nil {
		return fmt.Errorf("benchmarks: chart: no configuration has results")
	}
	var shown []*ConfigResult
	for _, c := range r.Configs {
		if c.Median != nil {
			shown = append(shown, c)
		}
	}
	groups := append(append([]string(nil), r.Suites...), "Geomean")
	value := func(c *ConfigResult, g int) float64 {
		if g < len(r.Suites) {
			return c.Median[g] / base.Median[g]
		}
		return c.Geomean / base.Geomean
	}
	lo, hi := 0.0, 0.0 // decades of the axis: 10^lo .. 10^hi
	for _, c := range shown {
		for g := range groups {
			l := math.Log10(value(c, g))
			lo, hi = math.Min(lo, math.Floor(l)), math.Max(hi, math.Ceil(l))
		}
	}
	lo-- // room below the smallest bar
	if hi == lo {
		hi = lo + 1
	}

	const (
		left, top, plotH, barW, gap = 70.0, 60.0, 300.0, 14.0, 18.0
	)
	groupW := float64(len(shown))*barW + gap
	width := math.Max(left+float64(len(groups))*groupW+20, 720)
	height := top + plotH + 110
	y := func(v float64) float64 { return top + plotH*(hi-math.Log10(v))/(hi-lo) }

	var b strings.Builder
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" width="%.0f" height="%.0f" font-family="sans-serif" font-size="12">`+"\n", width, height)
	fmt.Fprintf(&b, `<rect width="100%%" height="100%%" fill="white"/>`+"\n")
	mode := "full"
	if r.Quick {
		mode = "quick"
	}
	fmt.Fprintf(&b, `<text x="%.0f" y="20" font-size="15">V8 benchmark suite v7: score relative to %s (%s), %s mode, median of %d</text>`+"\n",
		left, esc(base.Key), esc(base.Name), mode, r.Completed)
	fmt.Fprintf(&b, `<text x="%.0f" y="38" fill="#555">VM: %s, %d MiB, %d CPU, %s. Log scale; higher is faster.</text>`+"\n",
		left, esc(r.VM.Machine), r.VM.MemoryMiB, r.VM.CPUs, esc(r.VM.Accel))
	for d := lo; d <= hi; d++ {
		v := math.Pow(10, d)
		stroke, sw := "#ddd", 1.0
		if d == 0 {
			stroke, sw = "#000", 1.5
		}
		fmt.Fprintf(&b, `<line x1="%.0f" x2="%.0f" y1="%.1f" y2="%.1f" stroke="%s" stroke-width="%.1f"/>`+"\n", left, width-20, y(v), y(v), stroke, sw)
		fmt.Fprintf(&b, `<text x="%.0f" y="%.1f" text-anchor="end">%s</text>`+"\n", left-6, y(v)+4, axisLabel(d))
	}
	for g, name := range groups {
		x0 := left + float64(g)*groupW + gap/2
		for i, c := range shown {
			v := value(c, g)
			y1, y0 := y(v), top+plotH
			fmt.Fprintf(&b, `<rect x="%.1f" y="%.1f" width="%.0f" height="%.1f" fill="%s"><title>%s %s: %.4g</title></rect>`+"\n",
				x0+float64(i)*barW, y1, barW-2, math.Max(y0-y1, 0.5), barColors[i%len(barColors)], esc(c.Name), esc(name), v)
		}
		cx := x0 + float64(len(shown))*barW/2
		fmt.Fprintf(&b, `<text x="%.1f" y="%.1f" text-anchor="end" transform="rotate(-40 %.1f %.1f)">%s</text>`+"\n",
			cx, top+plotH+16, cx, top+plotH+16, esc(name))
	}
	ly := top + plotH + 90
	for i, c := range shown {
		lx := left + float64(i)*170
		fmt.Fprintf(&b, `<rect x="%.0f" y="%.0f" width="12" height="12" fill="%s"/>`+"\n", lx, ly, barColors[i%len(barColors)])
		fmt.Fprintf(&b, `<text x="%.0f" y="%.0f">%s %s</text>`+"\n", lx+16, ly+11, esc(c.Key), esc(c.Name))
	}
	b.WriteString("</svg>\n")
	_, err := io.WriteString(w, b.String())
	return err
}

func axisLabel(decade float64) string {
	if decade >= 0 {
		return fmt.Sprintf("%.0f", math.Pow(10, decade))
	}
	return fmt.Sprintf("%g", math.Pow(10, decade))
}

func esc(s string) string { return html.EscapeString(s) }
