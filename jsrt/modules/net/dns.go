package net

import (
	"context"
	"errors"
	"net"
	"time"

	"github.com/dop251/goja"
)

// lookupTimeout bounds one name lookup.
const lookupTimeout = 30 * time.Second

// lookup resolves host on a goroutine ("ip", "ip4" or "ip6") and calls
// cb(error, addresses) on the loop; error is {code, errno} with getaddrinfo's
// names (ENOTFOUND, EAI_AGAIN, EAI_FAIL).
func (b *binding) lookup(host, network string, cb goja.Value) {
	if b.host == nil {
		b.call(cb, b.dnsErrInfo(errNoNetwork), goja.Null())
		return
	}
	s, err := b.host.Network()
	if err != nil {
		b.call(cb, b.dnsErrInfo(err), goja.Null())
		return
	}
	release := b.host.Hold()
	go func() {
		ctx, cancel := context.WithTimeout(context.Background(), lookupTimeout)
		defer cancel()
		addrs, err := s.LookupIP(ctx, network, host)
		out := make([]string, 0, len(addrs))
		for _, a := range addrs {
			out = append(out, a.Unmap().String())
		}
		if err == nil && len(out) == 0 {
			err = &net.DNSError{Err: "no such host", Name: host, IsNotFound: true}
		}
		b.host.Post(func() {
			release()
			if err != nil {
				b.call(cb, b.dnsErrInfo(err), goja.Null())
				return
			}
			list := make([]any, len(out))
			for i, a := range out {
				list[i] = a
			}
			b.call(cb, goja.Null(), b.rt.NewArray(list...))
		})
	}()
}

// dnsErrInfo names a lookup failure as libuv's getaddrinfo does.
func (b *binding) dnsErrInfo(err error) goja.Value {
	code, errno := "EAI_FAIL", -3007
	var de *net.DNSError
	switch {
	case errors.As(err, &de) && de.IsNotFound:
		code, errno = "ENOTFOUND", -3008
	case errors.As(err, &de) && (de.IsTimeout || de.IsTemporary):
		code, errno = "EAI_AGAIN", -3001
	case errors.Is(err, context.DeadlineExceeded):
		code, errno = "EAI_AGAIN", -3001
	}
	o := b.rt.NewObject()
	b.set(o, "code", code)
	b.set(o, "errno", errno)
	return o
}
