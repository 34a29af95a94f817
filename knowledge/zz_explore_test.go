package knowledge

import (
	"fmt"
	"testing"
)

func TestExplore(t *testing.T) {
	s, err := Shipped()
	if err != nil {
		t.Fatal(err)
	}
	m, _ := NewMatcher(s)
	for _, text := range []string{
		"空调制冷不是很好",
		"空调不怎么制冷",
		"冰箱冷冻室不结冰",
		"洗衣机不能脱水了",
		"热水器没有热水",
		"燃气灶点不着",
		"油烟机不转了",
		"电视打不开",
		"手机充不了电",
		"笔记本电脑很烫，风扇一直响",
		"空调滴水，没有异味",
		"手机屏幕不亮但是有声音",
		"洗衣机门打不开",
		"热水器显示E1是什么意思",
		"冰箱显示E1",
		"空调一开就跳闸",
		"空调遥控器按了没有反应",
		"家里空调不是很凉快",
		"电视有图像没声音",
		"手机进水了",
		"刚买的洗衣机噪音很大",
		"空调外机漏氟了吧",
		"冰箱里面有异味",
		"有股焦糊味",
		"插头烧黑了",
		"热水器水温忽冷忽热",
		"电视画面有条竖线",
		"手机wifi连不上",
		"笔记本键盘进水了",
		"手机电池鼓包了",
	} {
		ms := m.Match(Query{Text: text, Case: CaseFacts{AgeMonths: -1}, Limit: 3})
		line := text + " →"
		for _, x := range ms {
			line += fmt.Sprintf("  %s(%.1f %v)", x.RuleID, x.Score, x.Reasons)
		}
		t.Log(line)
	}
}
