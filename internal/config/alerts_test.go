package config

import (
	"errors"
	"testing"
)

// The robot's key comes from the environment only; the shipped file sends no alerts, and
// a key pasted with its URL is refused by name.
func TestAlertsConfig(t *testing.T) {
	c, err := Load("../../config.yaml", env(nil))
	if err != nil || c.Alerts.WeComKey != "" || c.Alerts.WeComURL != "https://qyapi.weixin.qq.com/cgi-bin/webhook/send" {
		t.Fatalf("shipped: %+v %v", c.Alerts, err)
	}
	c, err = Load("../../config.yaml", env(map[string]string{"INTAKE_ALERTS_WECOM_KEY": "693a91f6-7xxx-4bc4-97a0-0ec2sifa5aaa"}))
	if err != nil || c.Alerts.WeComKey != "693a91f6-7xxx-4bc4-97a0-0ec2sifa5aaa" {
		t.Fatalf("environment: %+v %v", c.Alerts, err)
	}
	for field, value := range map[string]string{
		"alerts.wecom_key": "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abc",
		"alerts.wecom_url": "ftp://example.com/x",
	} {
		_, err := Load("../../config.yaml", env(map[string]string{EnvName(field): value}))
		var fe *FieldError
		if !errors.As(err, &fe) || fe.Field != field {
			t.Errorf("%s=%q: %v", field, value, err)
		}
	}
}
