package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/ebbnode/ebbnode/host/launch"
	"github.com/ebbnode/ebbnode/host/offload"
)

// appConfig is what the host grants the script, from run's flags.
func appConfig(o runOptions, args []string) (offload.Config, error) {
	cfg := offload.Config{Args: args, Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr}
	if o.envAll {
		cfg.Env = os.Environ()
	}
	for _, kv := range o.env {
		k, _, ok := strings.Cut(kv, "=")
		if !ok || k == "" {
			return cfg, fmt.Errorf("-e %q: want KEY=VALUE", kv)
		}
		cfg.Env = setEnv(cfg.Env, kv)
	}
	if len(o.mounts) == 0 {
		ms, err := offload.DefaultMounts()
		if err != nil {
			return cfg, err
		}
		cfg.Mounts = ms
	}
	for _, s := range o.mounts {
		m, err := offload.ParseMount(s)
		if err != nil {
			return cfg, err
		}
		cfg.Mounts = append(cfg.Mounts, m)
	}
	if err := launch.CheckMounts(cfg.Mounts); err != nil {
		return cfg, err
	}
	wd, err := os.Getwd()
	if err != nil {
		return cfg, fmt.Errorf("working directory: %w", err)
	}
	cfg.Cwd = filepath.ToSlash(wd)
	return cfg, nil
}

// setEnv sets kv in env, replacing an entry with the same key.
func setEnv(env []string, kv string) []string {
	k, _, _ := strings.Cut(kv, "=")
	for i, e := range env {
		if ek, _, _ := strings.Cut(e, "="); ek == k {
			env[i] = kv
			return env
		}
	}
	return append(env, kv)
}

// profileGuestDir is where the guest sees the run directory's profile
// subdirectory (--cpuprofile): a grant of its own, so the guest needs no
// access to the directory of the file the user named.
const profileGuestDir = "/.ebbnode-cpuprofile"

// checkProfilePath checks, before anything boots, that --cpuprofile's
// file can be written where it is named: its directory exists.
func checkProfilePath(path string) error {
	dir := filepath.Dir(path)
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		return fmt.Errorf("--cpuprofile %s: directory %s does not exist", path, dir)
	}
	if st, err := os.Stat(path); err == nil && st.IsDir() {
		return fmt.Errorf("--cpuprofile %s: is a directory", path)
	}
	return nil
}

// grantProfileDir makes runDir/cpuprofile, grants it to the guest
// read-write at profileGuestDir and asks the guest for its profile there.
func grantProfileDir(cfg *offload.Config, runDir string) error {
	host := filepath.Join(runDir, "cpuprofile")
	if err := os.Mkdir(host, 0o700); err != nil {
		return fmt.Errorf("--cpuprofile: %w", err)
	}
	cfg.Mounts = append(cfg.Mounts, offload.Mount{Host: host, Guest: profileGuestDir})
	cfg.CPUProfile = profileGuestDir + "/cpu.pprof"
	return launch.CheckMounts(cfg.Mounts)
}

// saveProfile moves the profile the guest wrote into runDir to path.
func saveProfile(runDir, path string) error {
	data, err := os.ReadFile(filepath.Join(runDir, "cpuprofile", "cpu.pprof"))
	if errors.Is(err, fs.ErrNotExist) {
		return errors.New("the guest wrote no profile (it ended before its script did)")
	} else if err != nil {
		return err
	}
	return os.WriteFile(path, data, 0o644)
}
