// Command goserver is the HTTP benchmark's server as a Go net/http
// program: every request gets the same 148-byte page as http/server.js
// gives. Usage: goserver [PORT] (8080 by default), on every address.
//
// Built as usual it listens with Go's net (the Linux VM's rows, dg); built
// with -tags ebbnode and linked with the kernel (host/image Link) it is a
// raw native image listening on netstack's native backend, gVisor over
// the virtio-net driver (rows cg, cgt; listen_ebbnode.go).
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
	ln, err := listen(port)
	if err != nil {
		fmt.Fprintln(os.Stderr, "goserver:", err)
		os.Exit(1)
	}
	fmt.Println("listening on " + port)
	if err := http.Serve(ln, nil); err != nil {
		fmt.Fprintln(os.Stderr, "goserver:", err)
		os.Exit(1)
	}
}
