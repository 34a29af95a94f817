package knowledge_test

import (
	"fmt"

	"github.com/wxintake/intake/knowledge"
)

func Example() {
	set, err := knowledge.Parse(map[string][]byte{
		"categories.yaml": []byte(`
categories:
  - {id: air_conditioner, name: 空调, aliases: [挂机], warranty: {whole_months: 12}}
`),
		"rules/air_conditioner.yaml": []byte(`
rules:
  - id: ac-not-cooling
    title: 空调不制冷
    categories: [air_conditioner]
    triggers:
      keywords: [不制冷]
      synonyms: [不冷了, 吹热风]
      error_codes: [F3]
    steps:
      - text: 请确认遥控器设置为“制冷”模式。
      - text: 请清洗室内机过滤网。
    unresolved: {fault_class: hardware, priority: normal, onsite: true, price: {parts: [0, 800], labour: [80, 200]}}
    samples: [空调不制冷了, 挂机吹热风, 空调显示F3]
`),
	})
	if err == nil {
		err = set.Validate()
	}
	if err != nil {
		fmt.Println(err)
		return
	}
	m, err := knowledge.NewMatcher(set)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, text := range []string{"挂机不冷了，还显示Ｆ３", "空调不是不制冷，是有异响"} {
		ms := m.Match(knowledge.Query{Text: text})
		fmt.Printf("%s → %d match(es)\n", text, len(ms))
		for _, x := range ms {
			fmt.Printf("  %s score %.2f confidence %.2f %q\n", x.RuleID, x.Score, x.Confidence, x.Reasons)
		}
	}

	rule := set.Rule("ac-not-cooling")
	w, _ := knowledge.Start(rule)
	for _, reply := range []string{"2 还是不行", "好了，谢谢"} {
		var v knowledge.Verdict
		w, v = w.Next(rule, knowledge.ParseAnswer(reply))
		fmt.Printf("%q → step %d, %v\n", reply, w.Step, v)
	}
	// Output:
	// 挂机不冷了，还显示Ｆ３ → 1 match(es)
	//   ac-not-cooling score 18.73 confidence 0.99 ["error code F3" "synonym \"不冷了\"" "similar \"空调显示F3\"" "mentions air_conditioner"]
	// 空调不是不制冷，是有异响 → 0 match(es)
	// "2 还是不行" → step 1, show
	// "好了，谢谢" → step 1, solved
}
