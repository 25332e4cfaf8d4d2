package main

import (
	"fmt"
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
