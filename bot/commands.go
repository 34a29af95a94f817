package bot

import "strings"

// Command is something the customer can say at any point of the conversation.
type Command int

// The commands.
const (
	CmdNone    Command = iota
	CmdHuman           // 转人工, 人工客服
	CmdRestart         // 重新开始
	CmdBack            // 返回, 上一步
	CmdCancel          // 取消
	CmdStatus          // 进度, 查询
	CmdHelp            // 帮助
)

// commandWords are the words customers actually type for each command. A message is a
// command when, stripped of politeness ("请", "我要", "吧"), it is one of them: "我要取消
// 订单的运费险" is not.
var commandWords = map[string]Command{
	"转人工": CmdHuman, "人工": CmdHuman, "人工客服": CmdHuman, "找人工": CmdHuman, "真人": CmdHuman,
	"客服": CmdHuman, "人工服务": CmdHuman, "转客服": CmdHuman, "找客服": CmdHuman, "联系客服": CmdHuman,
	"0转人工": CmdHuman,
	"重新开始": CmdRestart, "重来": CmdRestart, "重新来": CmdRestart, "重新报修": CmdRestart, "从头开始": CmdRestart,
	"返回": CmdBack, "上一步": CmdBack, "上一个": CmdBack, "返回上一步": CmdBack, "后退": CmdBack, "回到上一步": CmdBack,
	"取消": CmdCancel, "取消报修": CmdCancel, "不修了": CmdCancel, "不用了": CmdCancel, "算了": CmdCancel, "退出": CmdCancel,
	"进度": CmdStatus, "查询": CmdStatus, "查进度": CmdStatus, "查询进度": CmdStatus, "维修进度": CmdStatus,
	"工单": CmdStatus, "我的工单": CmdStatus, "查工单": CmdStatus, "进展": CmdStatus, "报修进度": CmdStatus,
	"帮助": CmdHelp, "help": CmdHelp, "?": CmdHelp, "菜单": CmdHelp, "怎么用": CmdHelp, "你能做什么": CmdHelp,
}

var (
	politePrefixes = []string{"请帮我", "帮我", "麻烦", "我要", "我想", "请", "给我"}
	politeSuffixes = []string{"吧", "了", "一下", "啊", "呀", "谢谢"}
)

// ParseCommand recognises a command message.
func ParseCommand(text string) Command {
	t := strings.ToLower(strings.Trim(normalizeText(text), clauseBreaks+" .!！?？"))
	if t == "?" || strings.Trim(text, " ") == "？" {
		return CmdHelp
	}
	if len(t) > 40 {
		return CmdNone
	}
	for changed := true; changed; {
		changed = false
		for _, p := range politePrefixes {
			if strings.HasPrefix(t, p) && len(t) > len(p) {
				t, changed = strings.TrimPrefix(t, p), true
			}
		}
		for _, s := range politeSuffixes {
			if strings.HasSuffix(t, s) && len(t) > len(s) {
				t, changed = strings.TrimSuffix(t, s), true
			}
		}
		t = strings.Trim(t, clauseBreaks+" .!！?？")
	}
	return commandWords[t]
}

// Menu keys of the Official Account's custom menu (intake menu push creates it).
const (
	MenuReport   = "REPORT_FAULT"
	MenuProgress = "CHECK_PROGRESS"
	MenuHuman    = "TALK_TO_HUMAN"
)
