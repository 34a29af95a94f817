package bot

import (
	"slices"

	"github.com/wxintake/intake/catalog"
	"github.com/wxintake/intake/knowledge"
)

// A smell told in vague words ("屋里有股怪味", "闻着怪怪的", "这个味道正常吗", Cantonese "咁大阵味")
// names no hazard, but on a product that heats or runs on the mains it may be something
// scorching, and on one that burns gas it may be a leak: the customer is asked the safety
// question of the product's kind before the form goes on, whatever the conversation's state.
// A smell that is the fault of a product whose smells are everyday faults (a fridge's food, a
// washer's mould, an air conditioner's filter) or that the message puts down to something
// harmless is asked about no hazard.

// cueVagueSmell is a smell told without saying what it is.
var cueVagueSmell = knowledge.MustGate(`(有|一|好大|好重|很大|很重|好浓|大|阵|股|点|些|啲|丢丢|丝)[^,?]{0,2}(怪|异|臭|刺鼻)?(味|气味|味道|味儿)|怪味|异味|怪气味|` +
	`(味|味道|味儿|气味)[^,?]{0,4}(不对|怪|奇怪|不正常|正常|不太对|不对劲|不好闻|难闻|冲|大|重|浓|刺鼻|呛|有问题|是不是|啥|什么|正唔正常|唔对|正不正常|要不要紧|要紧)|` +
	`闻(着|起来|上去|到|得|落)[^,?]{0,4}(怪|不对|不舒服|难受|有点|有股|一股|味|刺鼻|呛|臭|唔妥)|(怪怪|不对劲)的?味|刺鼻|呛鼻|呛人|辣眼|熏眼|熏人|(有|一)(点|股|阵)?臭`)

// cueSmellNotHazard is a smell that is no hazard: food or its frying, mould, drains, a taste,
// a likeness that names no burning ("像脚臭", "像铁锈"), a new product's smell out of its
// box before any use, a smell denied.
var cueSmellNotHazard = knowledge.MustGate(`霉|油味|荤味|肉味|煎|炸|烤肉|烤串|馊|腥|酸味|香味|香气|香香|好香|花香|饭香|油烟|抽烟|香烟|烟头|下水|地漏|厕所|马桶|臭水|鸡蛋|冷藏|冷冻|冰箱里|食物|剩菜|衣服|口味|味精|调味|品味|意味|趣味|回味|韵味|人情味|味蕾|无味|` +
	`没(有)?[^,?]{0,3}(怪|异)?味|冇[^,?]{0,2}味|不臭|味道(还)?(不错|挺好|很好)|好吃|难吃|(吃|喝)(起来|着)|` +
	`(饭|菜|粥|汤|水|奶|米饭|豆浆|咖啡|茶)(有)?(股|点|一股)?(怪|异|臭)?(味|味道)|` +
	`脚臭|臭脚|袜子|死老鼠|老鼠|抹布|铁锈|消毒水|尿|屎|粪|汗|醋|除味|去味|` +
	`包装|拆箱|开箱|没用过|还没用|没通电|没插电|没开机`)

// cueMainsNamed names something on the mains or a battery, with no gas supply.
var cueMainsNamed = knowledge.MustGate(`充电|适配器|插座|插排|插线板|插头|电线|电源|电动车|电瓶|电热|取暖|电暖|油汀|小太阳|吹风|电磁炉|电陶炉|电饭|电压力锅|空气炸锅|烤箱|微波炉|吸奶器|暖手宝|卷发|直板夹|主机|显卡|电脑|笔记本|手机|平板|电池|电器|电机|马达`)

// cueBurntNamed names a smell of something burning or melting: no gas.
var cueBurntNamed = knowledge.MustGate(`塑料|胶|焦|糊|煳|烧|电线|橡胶`)

// smellFaultCategories are the categories whose smells are faults of their own, with rules
// of their own; a burning smell there is read by the hazard cues.
var smellFaultCategories = map[string]bool{
	"refrigerator": true, "washing_machine": true, "dishwasher": true, "water_purifier": true, "air_conditioner": true,
}

// vagueSmellFamily is the hazard family to ask about for a smell told vaguely in u, in the
// case c: gas for a product that burns gas (or when nothing is named: a smell in the home
// may be a leak), a burning smell for any other product but those whose smells are
// everyday faults; "" when the message reads a hazard already or tells no vague smell. A
// gas suspicion of the hazard model is read again: a charger's smell is no gas.
func vagueSmellFamily(u *Understanding, c *Case) string {
	if len(u.Hazards) > 0 || u.Suspect != "" && u.Suspect != knowledge.HazardGas || u.HazardExplained || c.Safety {
		return ""
	}
	tx := compact(u.Canon)
	if !cueVagueSmell.MatchString(tx) || cueSmellNotHazard.MatchString(tx) {
		return ""
	}
	told := Case{Facts: u.Facts}
	switch {
	case burnsGas(c) || c.Fuel == FuelGas || u.Facts.Fuel == FuelGas || burnsGas(&told) || cueGasNamed.MatchString(tx):
		return knowledge.HazardGas
	case told.Category == "" && c.Category == "" && !cueMainsNamed.MatchString(tx) && !cueBurntNamed.MatchString(tx):
		return knowledge.HazardGas
	case told.Category == "" && c.Category == "":
		return knowledge.HazardBurning // "充电器插着 好大阵味": a product the lexicon does not list
	}
	category := told.Category
	if category == "" {
		category = c.Category
	}
	if smellFaultCategories[category] {
		return ""
	}
	return knowledge.HazardBurning
}

// A hazard the customer corrects ("不是燃气味 是塑料烧糊的味道", Cantonese "唔系煤气味 系烧胶味")
// replaces the one told before: the family denied leaves the case's hazards, so the ticket
// names the danger told and the advice that follows is the new family's. The correction
// needs a hazard of another family in the same message; a look-alike alone ("不是冒烟 是水蒸气")
// takes nothing off the case.

// cueNotThisHazard denies a hazard family by its plainest words, at a clause's start or
// after a word of correction: "不是燃气味", "我说错了 不是煤气", "莫得煤气味哦".
var cueNotThisHazard = map[string]*knowledge.Gated{
	knowledge.HazardGas:           knowledge.MustGate(notHazard + `(燃气|煤气|天然气|液化气|瓦斯|臭鸡蛋)`),
	knowledge.HazardSmoke:         knowledge.MustGate(notHazard + `(冒|出)?(烟)`),
	knowledge.HazardFire:          knowledge.MustGate(notHazard + `(着火|起火|明火|火苗|冒火|火)`),
	knowledge.HazardSparks:        knowledge.MustGate(notHazard + `(火花|打火|火星|冒火花)`),
	knowledge.HazardShock:         knowledge.MustGate(notHazard + `(漏电|触电|电到|电人|麻)`),
	knowledge.HazardBattery:       knowledge.MustGate(notHazard + `(鼓包|鼓|电池)`),
	knowledge.HazardBurning:       knowledge.MustGate(notHazard + `(焦|糊|烧焦|烧糊|塑料)`),
	knowledge.HazardWaterElectric: knowledge.MustGate(notHazard + `(进水|漏水|水)`),
	knowledge.HazardCO:            knowledge.MustGate(notHazard + `(头晕|头疼|头痛|中毒)`),
}

// notHazard is the denial before a family's words: "不是", "唔系", "莫得", "不系" (typed for 不是).
const notHazard = `(^|,|错了|说错|搞错|讲错|写错|打错)(我)?(说的)?(不是|不系|唔系|唔係|并不是|并非|哪是|也不是|不算|没有|冇|莫得|没得|不)(什么|啥|咩|那种|有)?`

// dropCorrected takes off the case the hazards of the families the message denies, when it
// tells another ("不是燃气味 是塑料烧糊的味道" after "有煤气味"); a filed ticket's danger is
// written again. Called once the hazard the message tells is the case's.
func (d *Dialog) dropCorrected(t *step) {
	c := &t.c.Case
	tx := compact(t.u.Canon)
	now := hazardFamilyOf(c.SafetyRule)
	dropped := false
	c.HazardsBefore = slices.DeleteFunc(c.HazardsBefore, func(id string) bool {
		fam := hazardFamilyOf(id)
		if g := cueNotThisHazard[fam]; fam != now && g != nil && g.MatchString(tx) {
			dropped = true
			return true
		}
		return false
	})
	if !dropped || t.c.Ticket == "" {
		return
	}
	title := HazardTitles(c, func(id string) string {
		if r, ok := d.KB.Rule(id); ok {
			return r.Title
		}
		return ""
	})
	if title == "" {
		return
	}
	t.do(UpdateDetails{Number: t.c.Ticket, Facts: Facts{Symptom: catalog.T("effects.hazard_note", "title", title) + "；" + c.Symptom}, Rule: c.SafetyRule})
}
