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
		"没问题": true, "没毛病 提交吧": true, "嗯呐 就这样": true, "著，按呢就好": true, "确认 请火速派人": true,
		"对对对就是这样你们快点来": true, "可以可以 发吧": true, "要得 就这么报": true, "系啊 冇问题": true,
		"没毛病": true, "对对 尽快安排吧": true, "中 提交": true,
		"对额 就迭能": true, "对的对的 没错": true, "对呀 就是这个 你帮我报上去好了": true, "好的好的": true,
		"快点来": false, "尽快安排": false, "没毛病 就是电话错了": false, "对 地址不对": false, "没问题吗": false,
		"不对 确认不了": false, "3 确认": false, "地址错了 确认": false, "电话改成13800000000": false, "先不确认": false,
	} {
		if got := isConfirm(text); got != want {
			t.Errorf("isConfirm(%q) = %v, want %v", text, got, want)
		}
	}
}
