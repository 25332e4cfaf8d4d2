package netstack

import (
	"strings"
	"testing"
)

// TestParseIPConfig: the defaults (gateway the subnet's first address,
// DNS the gateway) and each malformed part named.
func TestParseIPConfig(t *testing.T) {
	for _, tt := range []struct{ in, want, err string }{
		{"10.0.3.2/24", "10.0.3.2/24,10.0.3.1,10.0.3.1", ""},
		{"10.0.3.2/24,10.0.3.254", "10.0.3.2/24,10.0.3.254,10.0.3.254", ""},
		{"192.168.1.9/16,192.168.0.1,1.1.1.1", "192.168.1.9/16,192.168.0.1,1.1.1.1", ""},
		{"10.0.3.2", "", `"10.0.3.2": want an IPv4 address with its prefix length`},
		{"fd00::2/64", "", `"fd00::2/64": want an IPv4 address`},
		{"10.0.3.2/32", "", `want an IPv4 address with its prefix length (1 to 30)`},
		{"10.0.3.2/24,10.0.4.1", "", "gateway 10.0.4.1: not another address in 10.0.3.0/24"},
		{"10.0.3.1/24", "", "gateway 10.0.3.1: not another address in 10.0.3.0/24"},
		{"10.0.3.2/24,gw", "", `gateway "gw": want an IPv4 address`},
		{"10.0.3.2/24,10.0.3.1,dns", "", `DNS "dns": want an IPv4 address`},
		{"10.0.3.2/24,10.0.3.1,1.1.1.1,x", "", "want ADDR/BITS[,GATEWAY[,DNS]]"},
	} {
		c, err := ParseIPConfig(tt.in)
		switch {
		case tt.err != "" && (err == nil || !strings.Contains(err.Error(), tt.err)):
			t.Errorf("ParseIPConfig(%q) error %v, want one with %q", tt.in, err, tt.err)
		case tt.err == "" && (err != nil || c.String() != tt.want):
			t.Errorf("ParseIPConfig(%q) = %s, %v; want %s", tt.in, c, err, tt.want)
		}
	}
}

func TestIPConfigFromCmdline(t *testing.T) {
	c, ok, err := IPConfigFromCmdline("ebbnode.debug=syscalls ebbnode.ip=10.0.3.2/24 quiet")
	if !ok || err != nil || c.String() != "10.0.3.2/24,10.0.3.1,10.0.3.1" {
		t.Errorf("got %s %v %v", c, ok, err)
	}
	if _, ok, _ := IPConfigFromCmdline("ebbnode.debug=syscalls"); ok {
		t.Error("found a configuration in a command line without one")
	}
	if _, _, err := IPConfigFromCmdline("ebbnode.ip=10.0.3.2"); err == nil || !strings.Contains(err.Error(), "kernel command line ebbnode.ip=10.0.3.2: ") {
		t.Errorf("bad word: %v", err)
	}
}
