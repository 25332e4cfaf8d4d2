//go:build ignore

// Prints the names of the scripts Go's unicode package knows, for
// gen_tables.js.
package main

import (
	"fmt"
	"sort"
	"unicode"
)

func main() {
	var names []string
	for n := range unicode.Scripts {
		names = append(names, n)
	}
	// Unicode 16's new scripts, which Go 1.26's tables predate.
	names = append(names, "Garay", "Gurung_Khema", "Kirat_Rai", "Ol_Onal", "Sunuwar", "Todhri", "Tulu_Tigalari")
	sort.Strings(names)
	for _, n := range names {
		fmt.Println(n)
	}
}
