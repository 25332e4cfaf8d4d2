//go:build !ebbnode

package main

import "net"

// listen listens on every address with Go's net.
func listen(port string) (net.Listener, error) { return net.Listen("tcp", ":"+port) }
