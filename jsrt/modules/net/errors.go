package net

import (
	"errors"
	"syscall"

	"github.com/dop251/goja"
)

var errNoNetwork = errors.New("no network service in this runtime")

// uvNames are libuv's names and messages for the errnos sockets meet.
var uvNames = map[syscall.Errno][2]string{
	syscall.ECONNREFUSED:  {"ECONNREFUSED", "connection refused"},
	syscall.EADDRINUSE:    {"EADDRINUSE", "address already in use"},
	syscall.ECONNRESET:    {"ECONNRESET", "connection reset by peer"},
	syscall.EPIPE:         {"EPIPE", "broken pipe"},
	syscall.ETIMEDOUT:     {"ETIMEDOUT", "connection timed out"},
	syscall.EADDRNOTAVAIL: {"EADDRNOTAVAIL", "address not available"},
	syscall.EACCES:        {"EACCES", "permission denied"},
	syscall.EHOSTUNREACH:  {"EHOSTUNREACH", "host is unreachable"},
	syscall.ENETUNREACH:   {"ENETUNREACH", "network is unreachable"},
	syscall.ECONNABORTED:  {"ECONNABORTED", "software caused connection abort"},
	syscall.ENETDOWN:      {"ENETDOWN", "network is down"},
	syscall.EMFILE:        {"EMFILE", "too many open files"},
	syscall.ENOBUFS:       {"ENOBUFS", "no buffer space available"},
	syscall.EINVAL:        {"EINVAL", "invalid argument"},
	syscall.ENOTCONN:      {"ENOTCONN", "socket is not connected"},
	syscall.EIO:           {"EIO", "i/o error"},
}

// errnoOf is the errno an error from the network service carries.
func errnoOf(err error) syscall.Errno {
	var en syscall.Errno
	switch {
	case errors.As(err, &en):
		return en
	case errors.Is(err, errNoNetwork):
		return syscall.ENETDOWN
	}
	var te interface{ Timeout() bool }
	if errors.As(err, &te) && te.Timeout() {
		return syscall.ETIMEDOUT
	}
	return syscall.EIO
}

// errInfo is {code, errno, message} for JS to build node's error from.
func (b *binding) errInfo(err error) goja.Value {
	en := errnoOf(err)
	names, ok := uvNames[en]
	if !ok {
		names = [2]string{"EIO", "i/o error"}
		en = syscall.EIO
	}
	o := b.rt.NewObject()
	b.set(o, "code", names[0])
	b.set(o, "errno", -int(en))
	b.set(o, "message", names[1])
	return o
}
