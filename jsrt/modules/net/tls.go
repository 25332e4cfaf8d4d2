package net

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"net"
	"strconv"
	"sync"
	"time"

	"github.com/dop251/goja"

	"github.com/ebbnode/ebbnode/jsrt/modules/internal/jsmod"
)

// The TLS binding (internal/tlsbinding) is what https builds on: a
// listener whose connections are Go crypto/tls server connections, and a
// dial that completes a client handshake before handing over the handle.
// The handles are the same as plain TCP ones (conn.go): JS sees a socket
// carrying cleartext.
func init() {
	jsmod.RegisterInternal("internal/tlsbinding", func(rt *goja.Runtime, _ *goja.Object) goja.Value {
		h, open := hostOf(rt)
		b := &binding{rt: rt, host: h, open: open}
		o := rt.NewObject()
		b.set(o, "listenTLS", b.listenTLS)
		b.set(o, "connectTLS", b.connectTLS)
		return o
	})
}

// tlsOptions are the options of tls.createServer/connect that matter here.
type tlsOptions struct {
	Key, Cert          string
	CA                 []string
	RejectUnauthorized bool
	ServerName         string
}

// tlsOptions reads {key, cert, ca: [pem...], rejectUnauthorized,
// servername}, which https.js has already turned into strings.
func (b *binding) tlsOptions(v goja.Value) (tlsOptions, error) {
	var o tlsOptions
	obj, ok := v.(*goja.Object)
	if !ok {
		return o, errors.New("tls options: not an object")
	}
	str := func(name string) string {
		if x := obj.Get(name); x != nil && !goja.IsUndefined(x) && !goja.IsNull(x) {
			return x.String()
		}
		return ""
	}
	o.Key, o.Cert, o.ServerName = str("key"), str("cert"), str("servername")
	o.RejectUnauthorized = obj.Get("rejectUnauthorized") != nil && obj.Get("rejectUnauthorized").ToBoolean()
	if ca := obj.Get("ca"); ca != nil && !goja.IsUndefined(ca) && !goja.IsNull(ca) {
		if err := b.rt.ExportTo(ca, &o.CA); err != nil {
			return o, fmt.Errorf("tls options: ca: %w", err)
		}
	}
	return o, nil
}

// listenTLS is listen with each accepted connection a TLS server side.
// With onClientError a function (tls.Server), a connection is handed over
// only once its handshake is done, and a failed handshake goes to
// onClientError ('tlsClientError'); without it (https.Server, which counts
// TCP connections as node does) the handshake runs on the first read.
func (b *binding) listenTLS(host string, port int, opts goja.Value, onConnection, onError, onClientError goja.Value) goja.Value {
	res := b.rt.NewObject()
	o, err := b.tlsOptions(opts)
	if err != nil {
		panic(b.rt.NewTypeError(err.Error()))
	}
	pair, err := tls.X509KeyPair([]byte(o.Cert), []byte(o.Key))
	if err != nil {
		panic(b.rt.NewTypeError("tls: key and cert: " + err.Error()))
	}
	cfg := &tls.Config{Certificates: []tls.Certificate{pair}, NextProtos: []string{"http/1.1"}}
	s, err := b.stack()
	if err == nil {
		var ln net.Listener
		ln, err = s.Listen(context.Background(), network(host), net.JoinHostPort(host, strconv.Itoa(port)))
		if err == nil {
			b.open.add(ln)
			dual := host == "" || network(host) == "tcp6"
			var tl net.Listener = tls.NewListener(ln, cfg)
			if _, ok := goja.AssertFunction(onClientError); ok {
				tl = newHandshakeListener(tl, func(err error) {
					b.host.Post(func() { b.call(onClientError, b.tlsErrInfo(err)) })
				})
			}
			b.set(res, "handle", b.newServer(tl, dual, onConnection, onError))
			return res
		}
	}
	b.set(res, "error", b.errInfo(err))
	return res
}

// connectTLS dials host:port, runs the client handshake on a goroutine and
// calls cb(error, handle) on the loop; error is {code, message} as node's
// TLS errors name them when the peer's certificate is refused.
func (b *binding) connectTLS(host string, port int, opts goja.Value, cb goja.Value) {
	o, err := b.tlsOptions(opts)
	if err != nil {
		panic(b.rt.NewTypeError(err.Error()))
	}
	s, err := b.stack()
	if err != nil {
		b.host.Post(func() { b.call(cb, b.errInfo(err), goja.Null()) })
		return
	}
	cfg, err := clientConfig(o, host)
	if err != nil {
		panic(b.rt.NewTypeError(err.Error()))
	}
	release := b.host.Hold()
	go func() {
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
		defer cancel()
		raw, err := s.Dial(ctx, network(host), net.JoinHostPort(host, strconv.Itoa(port)))
		var c net.Conn
		if err == nil {
			tc := tls.Client(raw, cfg)
			if err = tc.HandshakeContext(ctx); err != nil {
				_ = raw.Close()
			} else {
				c = tc
			}
		}
		if err == nil && !b.open.add(c) {
			return // the script has ended
		}
		b.host.Post(func() {
			release()
			if err != nil {
				b.call(cb, b.tlsErrInfo(err), goja.Null())
				return
			}
			b.call(cb, goja.Null(), b.newConn(c, false))
		})
	}()
}

func clientConfig(o tlsOptions, host string) (*tls.Config, error) {
	cfg := &tls.Config{ServerName: o.ServerName, NextProtos: []string{"http/1.1"}}
	if cfg.ServerName == "" {
		cfg.ServerName = host
	}
	if len(o.CA) > 0 {
		pool := x509.NewCertPool()
		for _, pem := range o.CA {
			if !pool.AppendCertsFromPEM([]byte(pem)) {
				return nil, errors.New("tls: no certificate in ca")
			}
		}
		cfg.RootCAs = pool
	}
	if !o.RejectUnauthorized {
		cfg.InsecureSkipVerify = true
	}
	return cfg, nil
}

// tlsErrInfo names a handshake failure as node (OpenSSL) does; other
// errors are errInfo's.
func (b *binding) tlsErrInfo(err error) goja.Value {
	var code, msg string
	var ua x509.UnknownAuthorityError
	var he x509.HostnameError
	var ci x509.CertificateInvalidError
	switch {
	case errors.As(err, &ua):
		code, msg = "UNABLE_TO_VERIFY_LEAF_SIGNATURE", "unable to verify the first certificate"
		if c := ua.Cert; c != nil && c.Issuer.String() == c.Subject.String() {
			code, msg = "DEPTH_ZERO_SELF_SIGNED_CERT", "self-signed certificate"
		}
	case errors.As(err, &he):
		code = "ERR_TLS_CERT_ALTNAME_INVALID"
		msg = fmt.Sprintf("Hostname/IP does not match certificate's altnames: %s", he.Error())
	case errors.As(err, &ci) && ci.Reason == x509.Expired:
		code, msg = "CERT_HAS_EXPIRED", "certificate has expired"
	default:
		var re tls.RecordHeaderError
		var ae tls.AlertError
		if !errors.As(err, &re) && !errors.As(err, &ae) {
			return b.errInfo(err)
		}
		code, msg = "ECONNRESET", "Client network socket disconnected before secure TLS connection was established"
	}
	o := b.rt.NewObject()
	b.set(o, "code", code)
	b.set(o, "message", msg)
	b.set(o, "tls", true)
	return o
}

// handshakeListener accepts from a TLS listener and hands over only
// connections whose handshake finished (each handshake on its own
// goroutine, so a slow client holds up no other); a failed one is closed
// and reported to fail.
type handshakeListener struct {
	net.Listener
	conns chan net.Conn
	errc  chan error
	done  chan struct{}
	once  sync.Once
	fail  func(error)
}

// handshakeTimeout bounds one client's handshake, as node's
// handshakeTimeout (120 s) does.
const handshakeTimeout = 120 * time.Second

func newHandshakeListener(ln net.Listener, fail func(error)) *handshakeListener {
	h := &handshakeListener{Listener: ln, conns: make(chan net.Conn), errc: make(chan error, 1),
		done: make(chan struct{}), fail: fail}
	go h.loop()
	return h
}

func (h *handshakeListener) loop() {
	for {
		c, err := h.Listener.Accept()
		if err != nil {
			h.errc <- err
			return
		}
		go h.handshake(c)
	}
}

func (h *handshakeListener) handshake(c net.Conn) {
	ctx, cancel := context.WithTimeout(context.Background(), handshakeTimeout)
	defer cancel()
	if tc, ok := c.(*tls.Conn); ok {
		if err := tc.HandshakeContext(ctx); err != nil {
			_ = c.Close()
			select {
			case <-h.done:
			default:
				h.fail(err)
			}
			return
		}
	}
	select {
	case h.conns <- c:
	case <-h.done:
		_ = c.Close()
	}
}

// Accept returns the next connection whose handshake is done.
func (h *handshakeListener) Accept() (net.Conn, error) {
	select {
	case c := <-h.conns:
		return c, nil
	case err := <-h.errc:
		h.errc <- err // every later Accept fails the same way
		return nil, err
	case <-h.done:
		return nil, net.ErrClosed
	}
}

// Close stops accepting; handshakes in progress are dropped.
func (h *handshakeListener) Close() error {
	h.once.Do(func() { close(h.done) })
	return h.Listener.Close()
}
