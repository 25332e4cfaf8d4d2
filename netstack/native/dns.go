package native

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"net"
	"net/netip"
	"strings"
	"time"

	"golang.org/x/net/dns/dnsmessage"
	"gvisor.dev/gvisor/pkg/tcpip"
	"gvisor.dev/gvisor/pkg/tcpip/adapters/gonet"
)

// DNS lookups: a stub resolver that asks the configured name server over
// UDP (A and AAAA), with localhost and IP literals answered locally.
const (
	dnsTimeout  = 2 * time.Second // per attempt
	dnsAttempts = 2
)

// LookupIP resolves host; network is "ip", "ip4" or "ip6". A name that does
// not exist is a *net.DNSError with IsNotFound.
func (st *Stack) LookupIP(ctx context.Context, network, host string) ([]netip.Addr, error) {
	var want []dnsmessage.Type
	switch network {
	case "ip":
		want = []dnsmessage.Type{dnsmessage.TypeA, dnsmessage.TypeAAAA}
	case "ip4":
		want = []dnsmessage.Type{dnsmessage.TypeA}
	case "ip6":
		want = []dnsmessage.Type{dnsmessage.TypeAAAA}
	default:
		return nil, net.UnknownNetworkError(network)
	}
	if ip, err := netip.ParseAddr(strings.TrimSuffix(strings.TrimPrefix(host, "["), "]")); err == nil {
		return []netip.Addr{ip.Unmap()}, nil
	}
	if strings.EqualFold(strings.TrimSuffix(host, "."), "localhost") {
		return localhost(want), nil
	}
	var out []netip.Addr
	var qerr error
	for _, t := range want {
		ips, err := st.query(ctx, host, t)
		if err != nil {
			qerr = err
			continue // the other family may still answer
		}
		out = append(out, ips...)
	}
	if len(out) == 0 && qerr != nil {
		return nil, qerr
	}
	if len(out) == 0 {
		return nil, &net.DNSError{Err: "no such host", Name: host, Server: st.cfg.DNS.String(), IsNotFound: true}
	}
	return out, nil
}

func localhost(want []dnsmessage.Type) []netip.Addr {
	var out []netip.Addr
	for _, t := range want {
		if t == dnsmessage.TypeA {
			out = append(out, netip.MustParseAddr("127.0.0.1"))
		} else {
			out = append(out, netip.IPv6Loopback())
		}
	}
	return out
}

// query asks the name server for records of type t, retrying once on a
// timeout. A name error answers no addresses.
func (st *Stack) query(ctx context.Context, host string, t dnsmessage.Type) ([]netip.Addr, error) {
	name, err := dnsmessage.NewName(strings.TrimSuffix(host, ".") + ".")
	if err != nil {
		return nil, &net.DNSError{Err: "invalid host name", Name: host}
	}
	server := tcpip.FullAddress{Addr: tcpip.AddrFromSlice(st.cfg.DNS.AsSlice()), Port: 53}
	var last error
	for i := 0; i < dnsAttempts; i++ {
		ips, err := st.exchange(ctx, server, name, t)
		if err == nil {
			return ips, nil
		}
		last = err
		if ctx.Err() != nil {
			break
		}
	}
	de := &net.DNSError{Err: last.Error(), Name: host, Server: st.cfg.DNS.String()}
	var ne net.Error
	de.IsTimeout = errors.As(last, &ne) && ne.Timeout()
	return nil, de
}

// exchange sends one query and reads its answer.
func (st *Stack) exchange(ctx context.Context, server tcpip.FullAddress, name dnsmessage.Name, t dnsmessage.Type) ([]netip.Addr, error) {
	c, err := gonet.DialUDP(st.s, nil, &server, protoOf(st.cfg.DNS))
	if err != nil {
		return nil, err
	}
	defer c.Close()
	deadline := time.Now().Add(dnsTimeout)
	if d, ok := ctx.Deadline(); ok && d.Before(deadline) {
		deadline = d
	}
	c.SetDeadline(deadline)
	id := uint16(rand.Uint32())
	q := dnsmessage.Message{
		Header:    dnsmessage.Header{ID: id, RecursionDesired: true},
		Questions: []dnsmessage.Question{{Name: name, Type: t, Class: dnsmessage.ClassINET}},
	}
	b, err := q.Pack()
	if err != nil {
		return nil, err
	}
	if _, err := c.Write(b); err != nil {
		return nil, err
	}
	buf := make([]byte, 1500)
	for {
		n, err := c.Read(buf)
		if err != nil {
			return nil, err
		}
		var m dnsmessage.Message
		if m.Unpack(buf[:n]) != nil || m.ID != id || !m.Response {
			continue // not our answer
		}
		return answers(m, t)
	}
}

func answers(m dnsmessage.Message, t dnsmessage.Type) ([]netip.Addr, error) {
	switch m.RCode {
	case dnsmessage.RCodeSuccess:
	case dnsmessage.RCodeNameError:
		return nil, nil
	default:
		return nil, fmt.Errorf("server answered %v", m.RCode)
	}
	var out []netip.Addr
	for _, a := range m.Answers {
		switch r := a.Body.(type) {
		case *dnsmessage.AResource:
			if t == dnsmessage.TypeA {
				out = append(out, netip.AddrFrom4(r.A))
			}
		case *dnsmessage.AAAAResource:
			if t == dnsmessage.TypeAAAA {
				out = append(out, netip.AddrFrom16(r.AAAA))
			}
		}
	}
	return out, nil
}
