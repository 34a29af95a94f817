package bot

import "testing"

// TestIsConfirm: a confirmation with the words customers put around it is one; anything that
// corrects, asks with a number or says no is not.
func TestIsConfirm(t *testing.T) {
	for text, want := range map[string]bool{
		"确认": true, "算了 确认吧": true, "确认 thx": true, "都对 提交吧": true, "好的": true, "行 提交": true,
		"行吧冰柜也算冰箱吧 确认": true, "那就这样吧 提交": true, "嗯嗯 可以 就这么报吧": true, "差不多就这样 提交吧": true,
		"好吧 凑合 确认": true, "无所谓了 就这么办": true, "就这样吧": true,
		"冰柜也算冰箱吧": false, "差不多吧": false, "行吧 地址改一下 提交": false, "那就这样吧 电话不对": false,
		"不对 确认不了": false, "3 确认": false, "地址错了 确认": false, "电话改成13800000000": false, "先不确认": false,
	} {
		if got := isConfirm(text); got != want {
			t.Errorf("isConfirm(%q) = %v, want %v", text, got, want)
		}
	}
}
