package loadgen

import (
	"fmt"
	"regexp"
)

// Script selects what the customers say and what counts as a good reply.
type Script string

// The scripts.
const (
	// Full is the example conversation: greeting, a symptom with product details,
	// the self-service steps declined one by one, the remaining details, confirmation, the
	// ticket and the visit slot (or a thank-you when nothing is visited). Every turn is
	// answered with text.
	Full Script = "full"
	// Echo sends the same texts to a handler that only verifies, decrypts and echoes; every
	// reply must be the text sent.
	Echo Script = "echo"
)

// ParseScript accepts "full" or "echo".
func ParseScript(s string) (Script, error) {
	switch Script(s) {
	case Full, Echo:
		return Script(s), nil
	}
	return "", fmt.Errorf("loadgen: unknown script %q (full or echo)", s)
}

// Conversation is what one customer types, in order.
type Conversation struct {
	OpenID   string
	Category string   // the opener's product category, for reading failures
	Turns    []string // the texts
	Stages   []string // the stage of each turn, for latency by stage: see Stages
}

// Stages are the parts of the full script, in order. The echo script has the same turns,
// so the same stages.
var Stages = []string{"greeting", "symptom", "self-service", "details", "confirm", "after-ticket"}

// TicketNumber matches a ticket number in a reply, e.g. RS20261122-0001.
var TicketNumber = regexp.MustCompile(`RS\d{8}-\d{4}`)

// opener is a first description of a fault, written as customers write them: one message
// with the product, brand, purchase, start and symptom. The shipped knowledge decides what
// follows; steps and askModel record it, and the smoke test fails when it changes.
type opener struct {
	category string
	text     string
	steps    int  // self-service steps the matching rule shows before escalating
	askModel bool // the opener names no model, so the bot asks for one
	visit    bool // onsite repair: the bot offers visit slots after the ticket
}

var openers = []opener{
	{"air_conditioner", "美的空调KFR-35GW去年6月京东买的，今天突然不制冷，显示E1", 3, false, true},
	{"washing_machine", "小天鹅滚筒洗衣机前年5月在天猫买的，昨天开始不排水，显示E21", 3, true, true},
	{"refrigerator", "海尔冰箱今年3月苏宁买的，三天前开始冷藏室不制冷", 3, true, true},
	{"mobile_phone", "华为手机上个月在官方商城买的，昨天开始充不进电", 3, true, false},
	{"water_heater", "万和燃气热水器去年8月京东买的，今天早上开始不出热水", 3, true, true},
}

// The details that differ from customer to customer, so tickets differ.
var (
	greetings  = []string{"你好", "您好", "你好，在吗"}
	declines   = []string{"2", "没解决", "还是不行"}
	names      = []string{"张伟", "李娜", "王先生", "赵女士", "陈静", "刘洋", "杨先生", "黄女士", "周敏", "吴先生", "孙丽"}
	mobiles    = []string{"138", "139", "137", "136", "150", "158", "186", "177"}
	noSerial   = []string{"没有", "找不到"}
	noWarranty = []string{"2", "没有"}
	addresses  = []string{
		"北京市朝阳区建国路88号%d栋%d单元%d",
		"上海市浦东新区世纪大道100号%d栋%d单元%d",
		"广东省广州市天河区天河路385号%d栋%d单元%d",
		"浙江省杭州市西湖区文三路90号%d幢%d单元%d",
		"四川省成都市武侯区人民南路四段12号%d栋%d单元%d",
		"江苏省南京市鼓楼区中山路18号%d栋%d单元%d",
	}
	slots = []string{"1", "2"}
)

// Build returns conversation n (0, 1, 2, …) of script s for openID. The same n gives the
// same texts; consecutive n run through the categories, names, phones and addresses.
func (s Script) Build(openID string, n int) Conversation {
	o := openers[n%len(openers)]
	pick := func(list []string, salt int) string { return list[(n/len(openers)+n*salt)%len(list)] }
	c := Conversation{OpenID: openID, Category: o.category}
	say := func(stage string, texts ...string) {
		for _, t := range texts {
			c.Turns, c.Stages = append(c.Turns, t), append(c.Stages, stage)
		}
	}
	say("greeting", pick(greetings, 1))
	say("symptom", o.text)
	for i := range o.steps {
		say("self-service", declines[(n+i)%len(declines)])
	}
	if o.askModel {
		say("details", "不知道")
	}
	say("details",
		pick(noSerial, 3),
		pick(noWarranty, 5),
		"1", // 故障前情况：没有明显原因
		pick(names, 7),
		fmt.Sprintf("%s%08d", pick(mobiles, 11), (n*7919+1234567)%100_000_000),
		fmt.Sprintf(pick(addresses, 13), 1+n%30, 1+n%4, 101+(n%25)*100+n%4),
	)
	say("confirm", "确认")
	if o.visit {
		say("after-ticket", pick(slots, 17)) // the visit slot
	} else {
		say("after-ticket", "谢谢")
	}
	return c
}
