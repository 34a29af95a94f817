package handlers_test

import (
	"context"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/wxintake/intake/internal/apptest"
	"github.com/wxintake/intake/internal/testenv"
)

// TestInteropWithWxsim checks the webhook against an independent implementation of
// WeChat's crypto: ../shared/tools/wxsim (Node, node-webot's wechat-crypto), which
// scripts/test.sh installs and names in INTAKE_TEST_WXSIM. It verifies the server URL,
// then has a conversation in safe mode, checking every reply's signature and appid.
func TestInteropWithWxsim(t *testing.T) {
	script := testenv.RequireService(t, "INTAKE_TEST_WXSIM")
	s := apptest.Start(t, apptest.Embedded, apptest.Options{})
	env := append(os.Environ(),
		"WX_URL="+s.URL()+s.Cfg.WeChat.Path, "WX_TOKEN="+apptest.Token, "WX_AES="+apptest.AESKey,
		"WX_APPID="+apptest.AppID, "WX_MODE=safe")
	run := func(args ...string) string {
		t.Helper()
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		cmd := exec.CommandContext(ctx, "node", append([]string{script}, args...)...)
		cmd.Env = env
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("wxsim %v: %v\n%s", args, err, out)
		}
		return string(out)
	}
	if out := run("verify"); !strings.Contains(out, "good signature -> 200 echoed; bad signature -> 401 refused") {
		t.Fatalf("verify: %s", out)
	}
	out := run("say", "o_wxsim_interop", "你好", "美的空调不制冷，显示E1")
	for _, want := range []string{"< 您好", "第1步"} {
		if !strings.Contains(out, want) {
			t.Errorf("say: reply lacks %q:\n%s", want, out)
		}
	}
}
