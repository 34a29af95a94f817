package app

import (
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/http/pprof"
	"time"
)

// startPprof serves the runtime profiles on debug.pprof_addr, a loopback listener of its
// own so profiles never share the public port. Nothing happens when the address is empty.
func (a *App) startPprof() error {
	if a.Cfg.Debug.PprofAddr == "" {
		return nil
	}
	l, err := net.Listen("tcp", a.Cfg.Debug.PprofAddr)
	if err != nil {
		return fmt.Errorf("pprof listen %s: %w", a.Cfg.Debug.PprofAddr, err)
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/debug/pprof/", pprof.Index)
	mux.HandleFunc("/debug/pprof/cmdline", pprof.Cmdline)
	mux.HandleFunc("/debug/pprof/profile", pprof.Profile)
	mux.HandleFunc("/debug/pprof/symbol", pprof.Symbol)
	mux.HandleFunc("/debug/pprof/trace", pprof.Trace)
	a.pprofListener = l
	a.pprofServer = &http.Server{Handler: mux, ReadHeaderTimeout: 5 * time.Second}
	go func() {
		if err := a.pprofServer.Serve(l); err != nil && !errors.Is(err, http.ErrServerClosed) {
			a.Log.Error("pprof server stopped", "err", err)
		}
	}()
	a.Log.Info("pprof listening", "addr", l.Addr().String())
	return nil
}

// PprofAddr is the address the profiling listener is on, or "" when it is off.
func (a *App) PprofAddr() string {
	if a.pprofListener == nil {
		return ""
	}
	return a.pprofListener.Addr().String()
}

// stopPprof closes the profiling listener. A profile being collected is cut short.
func (a *App) stopPprof() {
	if a.pprofServer != nil {
		_ = a.pprofServer.Close()
	}
}
