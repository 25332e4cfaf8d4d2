// Command netguest is the native network boot test's guest: the virtio-net
// driver under gVisor's stack (netstack/native, default configuration).
// It serves HTTP on port 8080 (/: a greeting naming the transport and
// MTU; /echo: the request body back;
// /dial?port=N: connect to the host at 10.0.2.2:N, send a line, answer
// with the reply; /loop: an HTTP round trip to itself over 127.0.0.1;
// /quit: stop) and a TCP echo on port 8081, then prints the driver's
// counters on the serial console and exits 0.
package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"time"

	"github.com/ebbnode/ebbnode/kernel"
	"github.com/ebbnode/ebbnode/kernel/virtio"
	"github.com/ebbnode/ebbnode/netstack/native"
)

// netVector is the native image's: with two CPUs it is delivered to CPU 1.
const netVector = kernel.FirstDeviceVector + 2

func main() {
	dev, err := virtio.OpenNetAuto(netVector)
	if err != nil {
		fail("open: %v", err)
	}
	fmt.Printf("netguest: %s mac %s mtu %d link %v features %v\n", dev.Transport(), dev.MAC(), dev.MTU(), dev.LinkUp(), dev.Features())
	st, err := native.New(dev, native.Config{})
	if err != nil {
		fail("stack: %v", err)
	}
	ctx := context.Background()
	ln, err := st.Listen(ctx, "tcp", ":8080")
	if err != nil {
		fail("listen 8080: %v", err)
	}
	el, err := st.Listen(ctx, "tcp", ":8081")
	if err != nil {
		fail("listen 8081: %v", err)
	}
	go echo(el)
	quit := make(chan struct{})
	mux := http.NewServeMux()
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, "hello from ebbnode over %s mtu %d, you are %s\n", dev.Transport(), dev.MTU(), r.RemoteAddr)
	})
	mux.HandleFunc("/echo", func(w http.ResponseWriter, r *http.Request) {
		// All of it first: net/http may close the body once the
		// answer's headers have gone out.
		b, err := io.ReadAll(r.Body)
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		w.Write(b)
	})
	mux.HandleFunc("/dial", func(w http.ResponseWriter, r *http.Request) {
		reply, err := dialHost(st, r.URL.Query().Get("port"))
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadGateway)
			return
		}
		fmt.Fprintf(w, "host said %q", reply)
	})
	mux.HandleFunc("/loop", func(w http.ResponseWriter, r *http.Request) {
		cl := &http.Client{Transport: &http.Transport{DialContext: st.Dial}, Timeout: 10 * time.Second}
		resp, err := cl.Get("http://127.0.0.1:8080/")
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadGateway)
			return
		}
		defer resp.Body.Close()
		io.Copy(w, resp.Body)
	})
	mux.HandleFunc("/quit", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintln(w, "bye")
		close(quit)
	})
	go http.Serve(ln, mux)
	fmt.Printf("netguest: interrupts via %s\n", dev.IRQMode())
	fmt.Println("netguest: listening on 8080 and 8081")
	<-quit
	time.Sleep(100 * time.Millisecond) // let the answer to /quit leave
	s := dev.Stats()
	fmt.Printf("netguest: irq cpu %d of %d, device interrupts", kernel.IRQCPU(netVector), kernel.OnlineCPUs())
	for cpu := range kernel.OnlineCPUs() {
		fmt.Printf(" cpu%d=%d", cpu, kernel.DeviceInterrupts(cpu))
	}
	fmt.Println()
	fmt.Printf("netguest: stats rx %d tx %d interrupts %d polls %d rxdropped %d txwaits %d batchmax %d reclaimed %d kicks %d\n",
		s.RxFrames, s.TxFrames, s.Interrupts, s.Polls, s.RxDropped, s.TxWaits, s.RxBatchMax, s.TxReclaimed, s.TxKicks)
	if s.RxFrames > 0 && s.TxFrames > 0 {
		fmt.Printf("netguest: driver ns/frame mean rx %d tx %d, median below rx %d tx %d; ns/kick mean %d median below %d; stack ns/received frame %d\n",
			(s.RxNanos-s.RecvNanos)/s.RxFrames, s.TxNanos/s.TxFrames, s.RxDriverMedianNanos, s.TxMedianNanos,
			s.KickNanos/max(1, s.TxKicks), s.KickMedianNanos, s.RecvNanos/s.RxFrames)
		// The same in TSC cycles: the guest's clock is the TSC scaled
		// by its boot calibration.
		cyc := func(ns uint64) uint64 { return ns * kernel.TSCHz() / 1e9 }
		fmt.Printf("netguest: driver cycles/frame (TSC %d MHz) mean rx %d tx %d, median below rx %d tx %d; cycles/kick mean %d; stack cycles/received frame %d\n",
			kernel.TSCHz()/1e6, cyc((s.RxNanos-s.RecvNanos)/s.RxFrames), cyc(s.TxNanos/s.TxFrames), cyc(s.RxDriverMedianNanos), cyc(s.TxMedianNanos),
			cyc(s.KickNanos/max(1, s.TxKicks)), cyc(s.RecvNanos/s.RxFrames))
	}
}

// dialHost connects to 10.0.2.2:port (QEMU maps it to the host's
// loopback), sends a line and returns the line it gets back.
func dialHost(st *native.Stack, port string) (string, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	c, err := st.Dial(ctx, "tcp4", net.JoinHostPort("10.0.2.2", port))
	if err != nil {
		return "", err
	}
	defer c.Close()
	c.SetDeadline(time.Now().Add(10 * time.Second))
	if _, err := fmt.Fprintf(c, "hello from the image\n"); err != nil {
		return "", err
	}
	line, err := bufio.NewReader(c).ReadString('\n')
	if err != nil {
		return "", err
	}
	return line, nil
}

func echo(ln net.Listener) {
	for {
		c, err := ln.Accept()
		if err != nil {
			return
		}
		go func() {
			defer c.Close()
			io.Copy(c, c)
		}()
	}
}

func fail(format string, a ...any) {
	fmt.Printf("FAIL: "+format+"\n", a...)
	os.Exit(1)
}
