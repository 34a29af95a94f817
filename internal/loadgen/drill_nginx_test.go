//go:build drill

package loadgen

import (
	"bufio"
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"fmt"
	"io"
	"math/big"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/wxintake/intake/internal/apptest"
	"github.com/wxintake/intake/staff"
)

// TestDrillNginx runs the shipped nginx site (deploy/nginx/intake.conf, only its ports,
// file paths and server name substituted) on loopback with a throw-away certificate in
// front of two `intake serve` processes sharing MariaDB and Redis, and checks what the
// site is for:
//
//   - `nginx -t` accepts the site as shipped (ports 80 and 443, paths substituted);
//   - signed, encrypted WeChat messages go through HTTPS, round-robin over both
//     instances, and conversations continue across them to exactly one ticket each;
//   - the real client address (127.0.0.2, with a forged X-Forwarded-For) reaches the
//     login throttle, through http.trusted_proxies;
//   - an instance stopped gracefully (SIGTERM) under load is taken out of the upstream
//     without a failed turn;
//   - /readyz answers through the proxy; /metrics does not.
func TestDrillNginx(t *testing.T) {
	nginx := requireNginx(t)
	dir := t.TempDir()
	certFile, keyFile, pool := throwAwayCert(t, dir)

	siteShipped, err := os.ReadFile("../../deploy/nginx/intake.conf")
	if err != nil {
		t.Fatal(err)
	}
	snippet, err := os.ReadFile("../../deploy/nginx/intake-proxy.conf")
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(dir, "intake-proxy.conf"), string(snippet))
	for _, d := range []string{"www", "tmp"} {
		if err := os.MkdirAll(filepath.Join(dir, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	paths := []string{
		"/etc/ssl/intake/fullchain.pem", certFile,
		"/etc/ssl/intake/privkey.pem", keyFile,
		"/etc/nginx/snippets/intake-proxy.conf", filepath.Join(dir, "intake-proxy.conf"),
		"/var/www/html", filepath.Join(dir, "www"),
	}

	// nginx -t on the site as shipped: ports 80 and 443 (not bound by -t), files here.
	writeFile(t, filepath.Join(dir, "shipped.conf"), substitute(t, string(siteShipped), paths...))
	writeFile(t, filepath.Join(dir, "check.conf"), nginxMain(dir, "shipped.conf"))
	if out, err := exec.Command(nginx, "-t", "-p", dir, "-e", filepath.Join(dir, "error.log"),
		"-c", filepath.Join(dir, "check.conf")).CombinedOutput(); err != nil {
		t.Fatalf("nginx -t on the shipped site: %v\n%s", err, out)
	}

	// Two instances behind it, trusting loopback's 127.0.0.1 (nginx) as their proxy.
	s := apptest.Start(t, apptest.Real, apptest.Options{}) // stores and fake WeChat API; serves no customer
	bin := buildIntake(t)
	env := []string{"INTAKE_HTTP_TRUSTED_PROXIES=127.0.0.1/32", "INTAKE_CONSOLE_SECURE_COOKIES=true"}
	a := startIntakeProcess(t, bin, s, "a", env...)
	b := startIntakeProcess(t, bin, s, "b", env...)

	httpPort, httpsPort := freePort(t), freePort(t)
	site := substitute(t, string(siteShipped), append(paths,
		"server 127.0.0.1:8081 ", "server "+a.addr+" ",
		"server 127.0.0.1:8082 ", "server "+b.addr+" ",
		"listen 80;", fmt.Sprintf("listen 127.0.0.1:%d;", httpPort),
		"listen [::]:80;", "",
		"listen 443 ssl http2;", fmt.Sprintf("listen 127.0.0.1:%d ssl http2;", httpsPort),
		"listen [::]:443 ssl http2;", "",
	)...)
	writeFile(t, filepath.Join(dir, "intake.conf"), site)
	writeFile(t, filepath.Join(dir, "nginx.conf"), nginxMain(dir, "intake.conf"))
	startNginx(t, nginx, dir, httpsPort)
	base := fmt.Sprintf("https://127.0.0.1:%d", httpsPort)
	hc := func(from string) *http.Client {
		d := &net.Dialer{Timeout: 5 * time.Second}
		if from != "" {
			d.LocalAddr = &net.TCPAddr{IP: net.ParseIP(from)}
		}
		return &http.Client{Timeout: 15 * time.Second, Transport: &http.Transport{
			DialContext:     d.DialContext,
			TLSClientConfig: &tls.Config{RootCAs: pool, ServerName: "wx.example.com"},
		}}
	}
	client := hc("")

	// Health and metrics through the proxy.
	if code, body := get(t, client, base+"/readyz"); code != http.StatusOK {
		t.Fatalf("GET /readyz through nginx: %d %s", code, body)
	}
	if code, _ := get(t, client, base+"/metrics"); code != http.StatusNotFound {
		t.Errorf("GET /metrics through nginx: %d, want 404 (scraped from each instance directly)", code)
	}
	if code, _ := get(t, &http.Client{Timeout: 5 * time.Second, CheckRedirect: func(*http.Request, []*http.Request) error {
		return http.ErrUseLastResponse
	}}, fmt.Sprintf("http://127.0.0.1:%d/console", httpPort)); code != http.StatusMovedPermanently {
		t.Errorf("GET http://…/console: %d, want 301 to HTTPS", code)
	}

	// The real client address reaches the login throttle: a failed login from 127.0.0.2
	// claiming to be 198.51.100.7 is counted for 127.0.0.2, not for nginx's 127.0.0.1 nor
	// for the forged address.
	t.Run("client address reaches the login throttle", func(t *testing.T) {
		req, _ := http.NewRequest(http.MethodPost, base+"/api/v1/login",
			strings.NewReader(`{"username":"nginx-drill","password":"wrong-password"}`))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("X-Forwarded-For", "198.51.100.7")
		resp, err := hc("127.0.0.2").Do(req)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusUnauthorized {
			t.Fatalf("failed login: %d %s, want 401", resp.StatusCode, body)
		}
		keys, err := s.Redis.Keys(context.Background(), s.Cfg.Redis.KeyPrefix+"login:*").Result()
		if err != nil {
			t.Fatal(err)
		}
		counted := func(addr string) bool {
			h := staff.AddressKey(addr)
			for _, k := range keys {
				if strings.Contains(k, h) {
					return true
				}
			}
			return false
		}
		if !counted("127.0.0.2") {
			t.Errorf("no throttle count for the client 127.0.0.2 (keys %q)", keys)
		}
		if counted("127.0.0.1") {
			t.Error("the failure was counted for nginx's address 127.0.0.1")
		}
		if counted("198.51.100.7") {
			t.Error("the failure was counted for the forged X-Forwarded-For 198.51.100.7")
		}
	})

	// Customers chat through nginx; after a while instance b is stopped gracefully.
	const customers = 6
	load := newDrillLoad(s.API, []string{base + s.Cfg.WeChat.Path}, 30*time.Millisecond)
	load.client.HTTP = client
	load.Start(customers)
	time.Sleep(8 * time.Second)
	servedA, servedB := webhookRequests(t, a.addr), webhookRequests(t, b.addr)
	stopped := time.Now()
	if err := b.cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	select {
	case <-b.exited:
	case <-time.After(30 * time.Second):
		t.Fatal("instance b did not stop within 30 s of SIGTERM")
	}
	t.Logf("instance b stopped %v after SIGTERM", time.Since(stopped).Round(time.Millisecond))
	time.Sleep(8 * time.Second)
	load.Stop()
	afterA := webhookRequests(t, a.addr)

	convs := load.Conversations()
	load.Report(t)
	t.Logf("webhook requests before the stop: a %v, b %v; a after: %v", servedA, servedB, afterA)
	if servedA < 10 || servedB < 10 {
		t.Errorf("requests before the stop: a %v, b %v: nginx did not spread the load", servedA, servedB)
	}
	if afterA <= servedA {
		t.Error("instance a served nothing after b stopped")
	}
	load.checkNoFailures(t, true)
	tickets := checkTickets(t, s, convs)
	across := 0
	for _, c := range convs {
		if c.Completed && TicketNumber.MatchString(c.Confirmed) && c.Started.Before(stopped) {
			across++
		}
	}
	t.Logf("%d conversations, %d begun while both instances served reached their ticket; %d tickets in MariaDB", len(convs), across, tickets)
	if across == 0 {
		t.Error("no conversation begun on the two instances reached its ticket")
	}
	if b, err := os.ReadFile(filepath.Join(dir, "error.log")); err == nil && t.Failed() {
		t.Logf("nginx error log:\n%s", tail(string(b), 3000))
	}
}

// requireNginx returns the nginx binary: scripts/test.sh installs it. Without it the test
// fails under CI=true and is skipped elsewhere.
func requireNginx(t *testing.T) string {
	t.Helper()
	for _, p := range []string{"nginx", "/usr/sbin/nginx"} {
		if path, err := exec.LookPath(p); err == nil {
			return path
		}
	}
	if os.Getenv("CI") == "true" {
		t.Fatal("nginx is not installed: CI must run the drills through ./scripts/test.sh, which installs it")
	}
	t.Skip("nginx is not installed; ./scripts/test.sh installs it (apt-get install nginx-light)")
	return ""
}

// substitute replaces each old string of pairs (old, new, old, new…) in s, failing the test
// when one is missing: the shipped file and this test must stay in step.
func substitute(t *testing.T, s string, pairs ...string) string {
	t.Helper()
	for i := 0; i < len(pairs); i += 2 {
		if !strings.Contains(s, pairs[i]) {
			t.Fatalf("deploy/nginx/intake.conf no longer contains %q", pairs[i])
		}
		s = strings.ReplaceAll(s, pairs[i], pairs[i+1])
	}
	return s
}

// nginxMain is a main nginx.conf with everything in dir, including the site file.
func nginxMain(dir, site string) string {
	user := ""
	if os.Geteuid() == 0 {
		user = "user root root;\n" // workers must read the test's 0700 directory
	}
	return fmt.Sprintf(`%sworker_processes 1;
pid %[2]s/nginx.pid;
error_log %[2]s/error.log info;
events { worker_connections 512; }
http {
    access_log %[2]s/access.log;
    client_body_temp_path %[2]s/tmp/body;
    proxy_temp_path %[2]s/tmp/proxy;
    fastcgi_temp_path %[2]s/tmp/fastcgi;
    uwsgi_temp_path %[2]s/tmp/uwsgi;
    scgi_temp_path %[2]s/tmp/scgi;
    include %[2]s/%[3]s;
}
`, user, dir, site)
}

// startNginx runs nginx in the foreground with its prefix in dir until the test ends, and
// waits until it accepts connections on port.
func startNginx(t *testing.T, nginx, dir string, port int) {
	t.Helper()
	cmd := exec.Command(nginx, "-p", dir, "-e", filepath.Join(dir, "error.log"),
		"-c", filepath.Join(dir, "nginx.conf"), "-g", "daemon off;")
	out, err := os.Create(filepath.Join(dir, "nginx.out"))
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stdout, cmd.Stderr = out, out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan struct{})
	go func() { _ = cmd.Wait(); out.Close(); close(exited) }()
	t.Cleanup(func() {
		_ = cmd.Process.Signal(syscall.SIGQUIT) // graceful
		select {
		case <-exited:
		case <-time.After(10 * time.Second):
			_ = cmd.Process.Kill()
			<-exited
		}
	})
	for i := 0; ; i++ {
		c, err := net.DialTimeout("tcp", "127.0.0.1:"+strconv.Itoa(port), time.Second)
		if err == nil {
			c.Close()
			return
		}
		select {
		case <-exited:
			b, _ := os.ReadFile(filepath.Join(dir, "error.log"))
			o, _ := os.ReadFile(out.Name())
			t.Fatalf("nginx exited at start-up:\n%s\n%s", o, tail(string(b), 3000))
		case <-time.After(100 * time.Millisecond):
		}
		if i > 100 {
			t.Fatalf("nginx does not accept connections on %d after 10 s", port)
		}
	}
}

// throwAwayCert writes a self-signed certificate for wx.example.com and 127.0.0.1 into dir
// and returns the files and a pool trusting it.
func throwAwayCert(t *testing.T, dir string) (certFile, keyFile string, pool *x509.CertPool) {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(time.Now().UnixNano()),
		Subject:      pkix.Name{CommonName: "wx.example.com"},
		DNSNames:     []string{"wx.example.com"},
		IPAddresses:  []net.IP{net.IPv4(127, 0, 0, 1)},
		NotBefore:    time.Now().Add(-time.Hour),
		NotAfter:     time.Now().Add(24 * time.Hour),
		KeyUsage:     x509.KeyUsageDigitalSignature | x509.KeyUsageCertSign,
		ExtKeyUsage:  []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
		IsCA:         true, BasicConstraintsValid: true,
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	kb, err := x509.MarshalECPrivateKey(key)
	if err != nil {
		t.Fatal(err)
	}
	certFile, keyFile = filepath.Join(dir, "cert.pem"), filepath.Join(dir, "key.pem")
	writeFile(t, certFile, string(pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der})))
	writeFile(t, keyFile, string(pem.EncodeToMemory(&pem.Block{Type: "EC PRIVATE KEY", Bytes: kb})))
	cert, err := x509.ParseCertificate(der)
	if err != nil {
		t.Fatal(err)
	}
	pool = x509.NewCertPool()
	pool.AddCert(cert)
	return certFile, keyFile, pool
}

func writeFile(t *testing.T, path, s string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
}

func freePort(t *testing.T) int {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

func get(t *testing.T, c *http.Client, url string) (int, string) {
	t.Helper()
	resp, err := c.Get(url)
	if err != nil {
		t.Fatalf("GET %s: %v", url, err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

// webhookRequests sums intake_webhook_requests_total on the instance at addr.
func webhookRequests(t *testing.T, addr string) float64 {
	t.Helper()
	resp, err := http.Get("http://" + addr + "/metrics")
	if err != nil {
		t.Fatalf("metrics of %s: %v", addr, err)
	}
	defer resp.Body.Close()
	sum := 0.0
	sc := bufio.NewScanner(resp.Body)
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	for sc.Scan() {
		line := sc.Text()
		if !strings.HasPrefix(line, "intake_webhook_requests_total{") {
			continue
		}
		if f, err := strconv.ParseFloat(line[strings.LastIndexByte(line, ' ')+1:], 64); err == nil {
			sum += f
		}
	}
	return sum
}
