package native

import (
	"errors"
	"net"
	"syscall"

	"gvisor.dev/gvisor/pkg/tcpip"
)

// gonet reports gVisor's errors as plain strings (errors.New(err.String())).
// errnos maps those strings back to the errno the condition has, so
// callers find a syscall.Errno with errors.As (netstack.Stack's contract).
var errnos = func() map[string]syscall.Errno {
	m := map[string]syscall.Errno{}
	for _, e := range []struct {
		err   tcpip.Error
		errno syscall.Errno
	}{
		{&tcpip.ErrConnectionRefused{}, syscall.ECONNREFUSED},
		{&tcpip.ErrPortInUse{}, syscall.EADDRINUSE},
		{&tcpip.ErrConnectionReset{}, syscall.ECONNRESET},
		{&tcpip.ErrTimeout{}, syscall.ETIMEDOUT},
		{&tcpip.ErrConnectionAborted{}, syscall.ECONNABORTED},
		{&tcpip.ErrNetworkUnreachable{}, syscall.ENETUNREACH},
		{&tcpip.ErrHostUnreachable{}, syscall.EHOSTUNREACH},
		{&tcpip.ErrBadLocalAddress{}, syscall.EADDRNOTAVAIL},
		{&tcpip.ErrNoPortAvailable{}, syscall.EADDRNOTAVAIL},
		{&tcpip.ErrNoBufferSpace{}, syscall.ENOBUFS},
		{&tcpip.ErrClosedForSend{}, syscall.EPIPE},
		{&tcpip.ErrNotConnected{}, syscall.ENOTCONN},
		{&tcpip.ErrMessageTooLong{}, syscall.EMSGSIZE},
		{&tcpip.ErrAlreadyBound{}, syscall.EINVAL},
		{&tcpip.ErrInvalidEndpointState{}, syscall.EINVAL},
		{&tcpip.ErrAddressFamilyNotSupported{}, syscall.EAFNOSUPPORT},
		{&tcpip.ErrAborted{}, syscall.EPIPE},
		{&tcpip.ErrHostDown{}, syscall.EHOSTDOWN},
	} {
		m[e.err.String()] = e.errno
	}
	return m
}()

// mapError replaces a gVisor error string inside err (a *net.OpError's
// Err, or err itself) with its errno.
func mapError(err error) error {
	if err == nil {
		return nil
	}
	var op *net.OpError
	if errors.As(err, &op) && op.Err != nil {
		if e, ok := errnos[op.Err.Error()]; ok {
			cp := *op
			cp.Err = e
			return &cp
		}
		return err
	}
	if e, ok := errnos[err.Error()]; ok {
		return e
	}
	return err
}
