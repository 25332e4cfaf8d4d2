// Command goserver is the HTTP benchmark's server as a Go net/http
// program: every request gets the same 148-byte page as http/server.js
// gives. Usage: goserver [PORT] (8080 by default), on every address.
package main

import (
	"fmt"
	"net/http"
	"os"
	"strings"
)

const page = `<!DOCTYPE html><html><head><title>ebbnode</title></head>` +
	`<body><p>Hello from ebbnode: a 148-byte page for the HTTP benchmark.</p></body></html>`

func main() {
	port := "8080"
	if len(os.Args) > 1 {
		port = os.Args[1]
	}
	// Padded with spaces to 147 bytes and a newline, as server.js does.
	body := []byte(page + strings.Repeat(" ", 147-len(page)) + "\n")
	http.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Header().Set("Content-Length", fmt.Sprint(len(body)))
		w.Write(body)
	})
	fmt.Println("listening on " + port)
	if err := http.ListenAndServe(":"+port, nil); err != nil {
		fmt.Fprintln(os.Stderr, "goserver:", err)
		os.Exit(1)
	}
}
