package wxtemplate

import (
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"
)

// wechatTime is the format WeChat accepts in a time field: 15:01, 2019年10月1日 15:01, or
// a period joined with ~.
var wechatTime = regexp.MustCompile(`^((\d{4}年)?\d{1,2}月\d{1,2}日 ?)?(\d{1,2}:\d{2})?(~((\d{4}年)?\d{1,2}月\d{1,2}日 ?)?\d{1,2}:\d{2})?$`)

func TestThing(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"已更换压缩机", "已更换压缩机"},
		{"工程师已到场检查，发现压缩机损坏，需要更换配件后再次上门", "工程师已到场检查，发现压缩机损坏…"},
		{"已更换主板😀👍🏻，请试机\n谢谢", "已更换主板，请试机 谢谢"},
		{"⚠️出水温度 55℃ ✅", "出水温度 55℃"},
		{"工程师👨‍🔧已出发🚗", "工程师已出发"},
		{"更换型号为 KFR-35GW/BpXFW1 的室外机主板一块", "更换型号为…"},
		{"一二三四五六七八九十一二三四五六七八九十一二", "一二三四五六七八九十一二三四五六七八九…"},
	} {
		got := FitValue("thing2", c.in)
		if got != c.want {
			t.Errorf("thing %q = %q, want %q", c.in, got, c.want)
		}
		if n := utf8.RuneCountInString(got); n > 20 {
			t.Errorf("thing %q is %d characters", got, n)
		}
	}
	if got := FitValue("keyword3", strings.Repeat("维修", 30)); utf8.RuneCountInString(got) > 20 || !strings.HasSuffix(got, "…") {
		t.Errorf("an old keyword field is not cut like a thing: %q", got)
	}
}

func TestCharacterString(t *testing.T) {
	if got := FitValue("character_string1", "RS20261122-0001"); got != "RS20261122-0001" {
		t.Errorf("ticket number = %q", got)
	}
	// Only letters, digits and symbols: no 汉字, no emoji, never over 20.
	if got := FitValue("character_string1", "单号RS20261122-0001🔧"); got != "RS20261122-0001" {
		t.Errorf("= %q", got)
	}
	if got := FitValue("character_string9", strings.Repeat("A1", 20)); len(got) != 20 {
		t.Errorf("%q is not cut at 20", got)
	}
}

func TestPhrase(t *testing.T) {
	for in, want := range map[string]string{"维修中": "维修中", "已完成✅": "已完成", "等待配件到货中": "等待配件到", "E4故障": "故障"} {
		if got := FitValue("phrase3", in); got != want {
			t.Errorf("phrase %q = %q, want %q", in, got, want)
		}
	}
}

func TestTime(t *testing.T) {
	for _, in := range []string{"2026年12月5日 14:30", "15:01", "2026年11月24日 09:00~11:00"} {
		got := FitValue("time4", in)
		if !wechatTime.MatchString(got) || utf8.RuneCountInString(got) > 20 {
			t.Errorf("time %q = %q", in, got)
		}
	}
	if got := FitValue("date5", "2026年12月5日 14:30"); got != "2026年12月5日 14:30" {
		t.Errorf("date = %q", got)
	}
}

func TestNameAndNumber(t *testing.T) {
	if got := FitValue("name1", "欧阳娜娜娜娜娜娜娜娜娜娜"); utf8.RuneCountInString(got) > 10 {
		t.Errorf("name = %q", got)
	}
	if got := FitValue("number2", "12台"); got != "12" {
		t.Errorf("number = %q", got)
	}
	if got := FitValue("amount3", "128.00元"); got != "128.00元" {
		t.Errorf("amount = %q", got)
	}
}

func TestFirstAndRemarkAreNeverFilled(t *testing.T) {
	fields := ParseFields("number=keyword1,status=keyword2,time=keyword3,text=remark,product=first")
	data := Data(fields, map[string]string{"number": "RS20261122-0001", "status": "维修中", "time": "2026年12月5日 14:30", "text": "已更换压缩机", "product": "空调"})
	if _, ok := data["remark"]; ok {
		t.Errorf("remark filled: %v", data)
	}
	if _, ok := data["first"]; ok {
		t.Errorf("first filled: %v", data)
	}
	if data["keyword1"] != "RS20261122-0001" || data["keyword2"] != "维修中" {
		t.Errorf("data %v", data)
	}
	if d := Dropped(fields); len(d) != 2 {
		t.Errorf("dropped %v", d)
	}
	if err := CheckFields(fields); err != nil {
		t.Errorf("an old mapping is refused: %v", err)
	}
}

func TestCheckFields(t *testing.T) {
	if err := CheckFields(ParseFields(DefaultFields)); err != nil {
		t.Fatal(err)
	}
	for _, bad := range []string{"colour=thing2", "number=foo1", "text=thing2,status=bogus"} {
		if CheckFields(ParseFields(bad)) == nil {
			t.Errorf("%q accepted", bad)
		}
	}
}

func TestCut(t *testing.T) {
	for _, c := range []struct {
		in   string
		max  int
		want string
	}{
		{"短句", 20, "短句"},
		{"请在 RS20261122-0001 页面查看详情", 12, "请在…"},
		{"abcdefghijklmnopqrstuvwxyz", 10, "abcdefghi…"}, // one long word: cut inside it
	} {
		if got := Cut(c.in, c.max); got != c.want {
			t.Errorf("Cut(%q, %d) = %q, want %q", c.in, c.max, got, c.want)
		}
	}
}
