package osmod

import (
	"bufio"
	"bytes"
	"os"
	"os/user"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"time"
)

var start = time.Now()

func hostname() string {
	h, err := os.Hostname()
	if err != nil || h == "" {
		return "localhost"
	}
	return h
}

func homedir() string {
	if h := os.Getenv("HOME"); h != "" {
		return h
	}
	if u, err := user.Current(); err == nil && u.HomeDir != "" {
		return u.HomeDir
	}
	return "/"
}

func utsString(f [65]int8) string {
	b := make([]byte, 0, len(f))
	for _, c := range f {
		if c == 0 {
			break
		}
		b = append(b, byte(c))
	}
	return string(b)
}

// uname reports the kernel's identity; the native kernel answers uname too.
func uname() map[string]string {
	var u syscall.Utsname
	if err := syscall.Uname(&u); err != nil {
		return map[string]string{"release": "", "version": "", "machine": "x86_64"}
	}
	return map[string]string{
		"release": utsString(u.Release),
		"version": utsString(u.Version),
		"machine": utsString(u.Machine),
	}
}

func parallelism() int { return runtime.GOMAXPROCS(0) }

// cpus lists GOMAXPROCS processors (what this runtime can use), with model,
// speed and times from /proc when they are there.
func cpus() []map[string]any {
	n := parallelism()
	model, speed := cpuModel()
	times := cpuTimes()
	out := make([]map[string]any, n)
	for i := range out {
		t := map[string]any{"user": 0, "nice": 0, "sys": 0, "idle": 0, "irq": 0}
		if i < len(times) {
			t = times[i]
		}
		out[i] = map[string]any{"model": model, "speed": speed, "times": t}
	}
	return out
}

func cpuModel() (string, int) {
	data, err := os.ReadFile("/proc/cpuinfo")
	if err != nil {
		return "unknown", 0
	}
	model, speed := "unknown", 0
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		k, v, ok := strings.Cut(sc.Text(), ":")
		if !ok {
			continue
		}
		k, v = strings.TrimSpace(k), strings.TrimSpace(v)
		switch k {
		case "model name":
			if model == "unknown" {
				model = v
			}
		}
	}
	// Like libuv, take the speed from cpufreq (kHz), not /proc/cpuinfo.
	if f, err := os.ReadFile("/sys/devices/system/cpu/cpu0/cpufreq/scaling_cur_freq"); err == nil {
		if khz, err := strconv.Atoi(strings.TrimSpace(string(f))); err == nil {
			speed = khz / 1000
		}
	}
	return model, speed
}

// cpuTimes reads per-CPU times from /proc/stat in milliseconds (USER_HZ is
// 100 on Linux, so one tick is 10 ms).
func cpuTimes() []map[string]any {
	data, err := os.ReadFile("/proc/stat")
	if err != nil {
		return nil
	}
	var out []map[string]any
	for _, line := range strings.Split(string(data), "\n") {
		f := strings.Fields(line)
		if len(f) < 8 || !strings.HasPrefix(f[0], "cpu") || f[0] == "cpu" {
			continue
		}
		v := func(i int) int64 { n, _ := strconv.ParseInt(f[i], 10, 64); return n * 10 }
		out = append(out, map[string]any{"user": v(1), "nice": v(2), "sys": v(3), "idle": v(4), "irq": v(6)})
	}
	return out
}

func meminfo(key string) (int64, bool) {
	data, err := os.ReadFile("/proc/meminfo")
	if err != nil {
		return 0, false
	}
	for _, line := range strings.Split(string(data), "\n") {
		k, v, ok := strings.Cut(line, ":")
		if !ok || k != key {
			continue
		}
		f := strings.Fields(v)
		if len(f) == 0 {
			return 0, false
		}
		n, err := strconv.ParseInt(f[0], 10, 64)
		return n * 1024, err == nil
	}
	return 0, false
}

func totalmem() int64 {
	if n, ok := meminfo("MemTotal"); ok {
		return n
	}
	var si syscall.Sysinfo_t
	if syscall.Sysinfo(&si) == nil {
		return int64(si.Totalram) * int64(si.Unit)
	}
	return 0
}

func freemem() int64 {
	if n, ok := meminfo("MemAvailable"); ok {
		return n
	}
	var si syscall.Sysinfo_t
	if syscall.Sysinfo(&si) == nil {
		return int64(si.Freeram) * int64(si.Unit)
	}
	return 0
}

func uptime() float64 {
	if data, err := os.ReadFile("/proc/uptime"); err == nil {
		if f := strings.Fields(string(data)); len(f) > 0 {
			if v, err := strconv.ParseFloat(f[0], 64); err == nil {
				return v
			}
		}
	}
	return time.Since(start).Seconds()
}

func loadavg() []float64 {
	if data, err := os.ReadFile("/proc/loadavg"); err == nil {
		f := strings.Fields(string(data))
		if len(f) >= 3 {
			out := make([]float64, 3)
			for i := range out {
				out[i], _ = strconv.ParseFloat(f[i], 64)
			}
			return out
		}
	}
	return []float64{0, 0, 0}
}

func userInfo() map[string]any {
	info := map[string]any{
		"uid": os.Getuid(), "gid": os.Getgid(),
		"username": os.Getenv("USER"), "homedir": homedir(), "shell": os.Getenv("SHELL"),
	}
	if u, err := user.Current(); err == nil {
		info["username"] = u.Username
		info["homedir"] = u.HomeDir
	}
	if info["shell"] == "" {
		info["shell"] = nil
	}
	return info
}
