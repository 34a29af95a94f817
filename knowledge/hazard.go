package knowledge

import (
	"regexp"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/wxintake/intake/catalog"
)

// Hazard families: dangers to people, whatever the product. Every message is checked for
// them at every point of a conversation, before anything else, and a hit is never routine.
// Editors' safety rules add to them; they cannot switch them off.
const (
	HazardFire          = "fire"           // open fire, flames
	HazardSmoke         = "smoke"          // smoke from a device
	HazardSparks        = "sparks"         // sparks, arcing
	HazardShock         = "shock"          // leaking current, tingling casing, a shock
	HazardWaterElectric = "water_electric" // water on sockets, plugs or live devices; a wet device on charge
	HazardGas           = "gas"            // gas smell or leak
	HazardCO            = "co"             // carbon monoxide symptoms near a gas appliance
	HazardBattery       = "battery"        // swollen or hot battery
	HazardBurning       = "burning_smell"  // burning smell, melted or charred parts
)

// HazardFamilies lists every family, in the order they are checked.
var HazardFamilies = []string{HazardGas, HazardCO, HazardFire, HazardSmoke, HazardSparks, HazardShock,
	HazardWaterElectric, HazardBattery, HazardBurning, HazardInjury, HazardMechanical}

// HazardRuleIDs are the shipped safety rules that carry each family's advice; a set without
// one falls back to the catalog's advice for the family.
var HazardRuleIDs = map[string]string{
	HazardFire: "safety-fire", HazardSmoke: "safety-smoke", HazardSparks: "safety-sparks",
	HazardShock: "safety-electric-shock", HazardWaterElectric: "safety-water-live", HazardGas: "safety-gas-smell",
	HazardCO: "safety-co-poisoning", HazardBattery: "safety-battery-swelling", HazardBurning: "safety-burning-smell",
	HazardInjury: "safety-injury", HazardMechanical: "safety-mechanical",
}

// HazardHit is one hazard found in a message.
type HazardHit struct {
	Family    string // one of the Hazard… constants
	Evidence  string // the words it was read from
	Suspected bool   // asked or feared rather than told: "是不是漏电了", "不会着火吧"
}

// hazardCue is one way a family shows in text. re runs over the compact form (see
// hazardForm); a hit is denied when a negation stands before the match or before any of
// the groups listed in neg ("插头插好了还是不进水" is no water on a plug). unless names
// context that, found in the same clause, makes the hit something else ("燃气灶火苗发黄" is a
// stove's flame); needs names context the whole message must contain.
type hazardCue struct {
	family string
	re     *Gated
	neg    []int
	unless *regexp.Regexp
	needs  *regexp.Regexp
	away   *regexp.Regexp // anywhere in the message, explains every hit of the cue away
}

// explained gives a cue a message-level exclusion: "插座在另一面墙上 离得挺远".
func (h hazardCue) explained(away string) hazardCue {
	h.away = regexp.MustCompile(away)
	return h
}

// inClause is any character inside a clause of the compact form.
const inClause = `[^,]`

// heatsWell is the product heating as it should again, in the clause that names the socket
// it was plugged into: "换了个插座现在热得挺好". The clause must end there: "热得好烫", "热得好快"
// are a socket heating.
const heatsWell = `热得(挺|蛮|还|可|老)?(好|正常|不错)(了|啦|的|呢|啊|哦|噻|,|$)`

func cue(family, re, unless, needs string, neg ...int) hazardCue {
	h := hazardCue{family: family, re: MustGate(re), neg: neg}
	if unless != "" {
		h.unless = regexp.MustCompile(unless)
	}
	if needs != "" {
		h.needs = regexp.MustCompile(needs)
	}
	return h
}

const (
	liveParts  = `(电线接头|插销|墙插|地插|墙壁插座|插座|插排|排插|插线板|接线板|插板|拖线板|拖板|延长线|插线|插头|电源线|电源插座|电源插头|电线|线路|电路|配电箱|电闸|电箱|电表|空开|开关面板|充电器|充电头|适配器|插孔|变压器)`
	waterWords = `((?:也|都|全|有点|有些|还)湿|湿晒|湿哂|湿咗|湿透|水倒|倒了?水|水洒|水泼|被泡|泡了|泡着|进了?(?:点|些|一点|一些|一点点|好多|不少|好些)?(?:雨|脏|污)?水|(?:饮料|可乐|咖啡|奶茶|茶水|果汁|牛奶|汤|啤酒|酒)[^,?]{0,2}(?:倒|洒|泼|灌|流)(?:进|到|在|上)|漏的?水|漏出来的水|淌|渗水|渗到|泼|(?:^|[^花])洒|淹|泡了?水|泡在水|浸水|浸到|湿了|湿的|溅|滴到|流到|流进|漫到|水流|水滴|积水|漏水|水漫|(?:猫|狗|宠物|孩子|小孩|娃|宝宝)[^,?]{0,2}尿|尿(?:了|在|到|湿)|一滩水|一汪水|一洼水|一片水|好多水|一摊水|一大摊|一地(?:的)?水|满地(?:的)?水|地上[^,?]{0,3}水|(?:都|全)是水)`
	poweredNow = `(还插着|插头插着|一直插着|插着呢|插着的|充紧|插紧|插住|着紧|插着电|插住电|插电|插起电|插起|又插|充上|又充|插上充|插上了|叉电|charge|插着充|通着电|带着电|没拔|没断电|没关电|开着机|在充电|充着电|还在充|正在充|插上电|去充电|拿去充|充一下|充电|通电|开机|亮着|还亮|还开着|开着|在运行|在转)`
	wetNow     = `(湿晒|湿哂|湿咗|湿透|进了?水|水[^,?]{0,3}(?:洒|泼|倒|灌|流|滴)(?:进|到)|掉[^,?]{0,4}(?:浴缸|水里|水池|马桶|水桶|鱼缸|汤|水盆|脸盆|洗手盆|洗脸盆|盆里|水槽|洗手池|洗菜池|池子|河里|池塘|水坑|厕所|水杯|杯子里|茶杯|泳池|游泳池)|落水|跌咗落水|bathtub|浴缸|水汽|水印|溢出|溢到|流到底座|泡了?水|泡过水|进过水|掉过水|淋过雨|淹了|湿了|淋湿|洒了水|泼了水|(?:洒|泼|倒|打翻|撒)[^,?]{0,4}(?:水|奶茶|咖啡|饮料|茶|可乐|汤|牛奶|酒|果汁|豆浆|粥)|掉水里|掉进水|掉马桶|浸了水|受潮|(?:水杯|杯子|茶杯|水壶|水盆|饮料|奶茶|咖啡|茶|水)[^,?]{0,2}打翻(?:了)?(?:在|到)|掉到水|掉进了水|水里捞|(?:水|饮料|茶|奶)[^,?]{0,3}(?:倒|打翻|洒|泼|溅)[^,?]{0,6}(?:上了|上面|里面|里了|上去)|(?:洒|泼|溅)[^,?]{0,8}(?:上了|上面|里面|里了)|(?:洒|泼|溅|浇|淋)(?:在|到)[^,?]{0,8}上|(?:跟|和|连|同)[^,?]{0,3}衣服[^,?]{0,4}(?:一起)?[^,?]{0,2}洗了|被洗了|放洗衣机[^,?]{0,4}洗|进了?(?:点|些|一点|好多)?(?:可乐|咖啡|奶茶|饮料|茶水|果汁|牛奶|啤酒|汽水|雪碧|豆浆|红酒|白酒|酸奶)|(?:可乐|咖啡|奶茶|饮料|茶水|果汁|牛奶|啤酒|汽水|雪碧|豆浆|红酒|白酒|酸奶)[^,?]{0,3}(?:洒|泼|倒进|灌|流进|滴|溅))`
	// outsideWater is water that comes from the house, not from the appliance: a leak upstairs
	// or in the ceiling, down a wall, rain through a window, a burst heating pipe.
	outsideWater = `(楼上|天花板|天花|屋顶|房顶|吊顶|顶棚|墙上|墙里|墙面|墙角|顺着墙|沿着墙|窗户|窗台|窗外|雨水|下雨|暴雨|大雨|雨|暖气片|暖气管|暖气|爆管|管子爆|水管爆|漏下来|渗下来)`
	// wiredAppliance is an appliance or fitting on the mains.
	wiredAppliance = `(空调|内机|挂机|柜机|热水器|电视|冰箱|洗衣机|烘干机|洗碗机|电脑|主机|路由器|机顶盒|电器|微波炉|烤箱|电饭煲|油烟机|烟机|净水器|浴霸|插座|插头|插排|开关|电线|电表|电箱|配电箱|电闸|灯)`
	// cookingNear is food cooking, whose burning smell is the food's; 米 of 小米/米家 and 奶 of
	// 吸奶器/奶瓶 are products, not food.
	cookingNear = `(饭|粥|(?:^|[^小])米(?:[^家]|$)|菜|锅|煲|煮|烤|煎|炒|蛋糕|面包|(?:^|[^吸])奶(?:[^瓶器]|$)|食物)`
	stoveFlame  = `(灶|炉头|炉子|火力|(?:^|[^一有了冒])点火|打火|熄火|点不着|打不着|灶眼|炉盘|(?:^|[^式电])热水器)` // an electric water heater has no flame; 一点火 is a little fire
	gasWords    = `(燃气|煤气|天然气|液化气|瓦斯|沼气)`
	// alarmFitted is a smoke alarm told as fitted or bought, not as sounding: "家里刚装了烟雾报警器".
	alarmFitted = `(装|安装|买|换|配)(了)?(个|一个|了个|的|新的)?(烟雾报警|烟感|烟报)`
	// steamValve is a cooker's valve letting off steam, which hisses and is no gas
	steamValve = `(排气阀|限压阀|泄压阀|压力阀|浮子阀|蒸汽|蒸气|水蒸气|高压锅|压力锅|压力煲|电饭煲|电饭锅|饭煲)`
	// farFromWater says the water is nowhere near the live part: "插座在另一边 没碰到".
	farFromWater = `((附近|旁边|周围|边上|那边)(也)?(没有?|冇)[^,?]{0,2}(插座|插头|插排|电线|电源|电器)|离(电|插座|插头|插排|电源|电器)[^,?]{0,3}(很远|挺远|老远|远着|远)|在另一边|另一边|另外一边|另一面|对面墙|远着|离得远|离得很远|很远|挺远|老远|碰不到|没碰到|没碰着|够不着|没沾|没湿|是干的|很高的地方|高处|(?:插座|插头|插排|插线板|电源|开关)[^,?]{0,6}(?:很高|挺高|老高))`
	batteryish   = `(airpods|耳机盒|耳机|充电盒|充电仓|耳机仓|后壳|边框|表身|reno|iphone|oppo|vivo|华为|小米|watch|部电话|只电话|嘅电话|电池|充电宝|移动电源|后盖|屏幕|手机|平板|笔记本|电脑|手表|手环|耳机|电瓶|触控板|触摸板|键盘|电动车|充电|暖手宝|电子烟|音箱|牙刷|剃须刀|手电|吸尘器|扫地机|平衡车|滑板车|switch|游戏机|掌机|手柄|steam|kindle|阅读器|相机|无人机|对讲机|学习机|点读机|背面|背壳|后背|背脊)`
)

// hazardCueIndex lists the hazard cues under the runes they need, built on first use (after
// every init, which adds the body cues).
var hazardCueIndex = sync.OnceValue(func() *CueIndex { return NewCueIndex(gatesOf(hazardCues)) })

func gatesOf(cues []hazardCue) []*Gated {
	gs := make([]*Gated, len(cues))
	for i, h := range cues {
		gs[i] = h.re
	}
	return gs
}

var hazardCues = []hazardCue{
	cue(HazardGas, gasWords+`的?(味|泄漏|泄露|跑气)|`+gasWords+`(管|管道|阀|阀门|罐|瓶|灶|接口)?的?(漏了|漏气|在漏|泄漏)|闻到`+gasWords+`|`+gasWords+`报警|可燃气体?报警|报警器`+inClause+`{0,4}`+gasWords, "", ""),
	// the odorant's smell, unless the customer puts it down to eggs gone off ("冰箱冷藏室有股臭鸡蛋味
	// 鸡蛋放久了"; "不是鸡蛋放坏了" puts nothing down)
	cue(HazardGas, `臭鸡蛋味`, "", "").explained(`(?:^|[^是不没]|[^不没]是)(?:鸡蛋|蛋)[^,?]{0,4}(?:放久|放坏|坏了|臭了|变质|过期|碎了|打碎)`),
	cue(HazardGas, `报警器[^,?]{0,6}(响|叫|嘀|鸣)|`+gasWords+`[^?]{0,20}(味儿?)[^,?]{0,4}(还|一直|没散|散不|没走)`, `(烟雾|烟感|防盗|门铃|闹钟|车)`, `(厨房|燃气|煤气|天然气|液化气|灶|热水器|气|味)`),
	cue(HazardGas, `(厨房|灶台|灶)[^?]{0,6}(有点|有股|一股|好大|有些|有)[^,?]{0,2}味`, `油烟|饭|菜|糊|焦|烟味|霉|臭水|下水|垃圾|没(有)?[^,?]{0,2}味`, `(打火|点火|打不着|点不着|打不燃|着不了|燃气|煤气|天然气|液化气)`),
	cue(HazardGas, `(灶|阀门|阀|气管|管道|软管|钢瓶|气罐|煤气罐|接口|气表)`+inClause+`{0,6}(漏气|嗤嗤|呲呲|滋滋响|嘶嘶|丝丝|哧哧)`, steamValve, ""),
	cue(HazardGas, `漏气`, `(锅|煲|盖|轮胎|气垫|充气|密封圈|排气阀|蒸汽|手表|防水|空调|冰箱|氟|冷媒|耳机|真空)`, "").explained(`氟|冷媒|制冷剂|雪种|压力锅|高压锅|电饭煲|电饭锅|饭煲|蒸汽|蒸气|水汽|水蒸气|轮胎|充气|气垫|气囊|泳圈|气床`),
	cue(HazardCO, `一氧化碳|煤气中毒|co中毒|co报警`, "", ""),
	cue(HazardCO, unwell, `(吵|烦|生气|气得|气死|愁|急)[^,]{0,3}(头|脑)|(让人|真|真是|好|太|令人)头(疼|痛)|味[^,]{0,4}恶心|恶心(的|死)`, `(炉子|炭|煤炉|煤球|烤火|壁挂炉|热水器|热水炉|热水气|热水|燃气|煤气|天然气|液化气|洗澡|洗完澡|洗了澡|冲完凉|冲凉|洗的时候|浴室|卫生间|bathroom|灶|gas|取暖|炖)`).explained(`感冒|发烧|着凉|跟[^,?]{0,6}没(有)?关系|不是因为`),
	cue(HazardCO, `(头[^,]{0,2}(晕|昏|疼|痛)|头(有|一|点|丢|些|微|稍|也|还|都|就|开始|好|老|挺|发|是|感觉|觉得)*(晕|昏)|头(还是|还|仍然|依然|一直|老是)(有点|有些|有一点)?(晕|昏|疼|痛)|恶心|想吐|犯困|胸闷|喘不上气|晕倒|晕过去|晕了|昏昏沉沉|昏昏欲睡|迷迷糊糊|没力气|腿软|眼前发黑|头沉|脑袋沉)`, `(让人|真|真是|好|太|挺|蛮|令人|很)头(疼|痛)|(吵|烦|生气|气得|气死|愁|急)[^,]{0,3}头(疼|痛)|味[^,]{0,4}恶心|恶心(的|死)`, `(热水器|洗澡|洗着|冲凉|燃气|煤气|浴室|卫生间|壁挂炉|炉子|灶|天然气|火苗|火焰)`).explained(`感冒|发烧|着凉|跟[^,?]{0,6}没(有)?关系|不是因为`),
	// "开着的时候屋里人都头疼想吐 关了就好点": unwell while the appliance runs and better once it
	// is off is carbon monoxide whatever the appliance is called
	cue(HazardCO, `(头[^,]{0,2}(晕|昏|疼|痛)|恶心|想吐|胸闷|犯困)[^?]{0,16}(关了|关掉|一关|关上|关机|停了|出去|出来|出了?浴室|出了?卫生间|离开|开窗|开了窗)[^?]{0,4}(就|后|以后)?[^?]{0,2}(好|好点|好些|没事|舒服)`, "", ""),
	cue(HazardGas, `(燃气|煤气|天然气)表[^,]{0,8}(还在|也在|一直|还|也)?(走|转)`, `(不|没)(走|转)|停`, ""),
	// the odorant's smell, told as a likeness: "一打开柜门就有股味道 像臭鸡蛋"
	cue(HazardGas, `(像|跟|一股|有股|有点|好像)[^,?]{0,3}(臭鸡蛋|臭(掉|了)的鸡蛋|坏(掉|了)的鸡蛋|臭蛋)`, `冰箱|冷藏|冷冻|(鸡蛋|蛋)[^,?]{0,3}(坏|臭|放久)|馊|下水道|地漏|厕所|马桶`, ""),
	// "我摸了下后盖 烫手 还有点翘": heat with a back lifting is a battery swelling
	cue(HazardBattery, `(后盖|背面|背板|后壳|机身|电池)[^?]{0,8}(烫|发烫|很热)[^?]{0,8}(翘|鼓|凸|顶起)|(翘|鼓|凸)[^?]{0,8}(烫手|发烫)`, "", ""),
	// "后盖有点翘", "背面翘起来一点": a phone's or tablet's back lifting is the battery under it
	// swelling, unless the customer puts it down to a tight case or a knock
	cue(HazardBattery, `(后盖|后壳|背面|背板|背壳|背脊|后背|底壳|屏幕)[^,?]{0,4}(翘|顶咗|鼓咗|凸咗)`, `(没|没有|不|未|无)[^,?]{0,1}(翘|鼓|凸)`, "").explained(`手机壳|保护壳|保护套|壳太紧|壳子太紧|套太紧|拿掉就平|取下来就平|摘掉就平|摔`),
	// "耳机充电盒肿了", "充电宝胖了一圈": a battery's case swollen, told as a body swells
	cue(HazardBattery, `(电池|充电盒|充电仓|耳机仓|耳机盒|充电宝|移动电源|后盖|电瓶)[^?]{0,4}(肿|胖)`, "", ""),
	// "洗衣机开关一按 后面就啪的一声 看见一道亮光", "电源口那里呲了一下 有点亮": a crack and a flash
	cue(HazardSparks, `(啪|呲|噼啪|噼里啪啦|滋|吱|嘭|砰)[^?]{0,12}(亮光|闪光|一道光|一道亮|有点亮|亮了一下|闪了一下|冒光|蓝光)|(插上|插进|插头|插座|开关|电源口|接口|插孔)[^?]{0,8}(小亮光|一道亮光|亮光|一道光|闪了一下光)`,
		`(指示灯|屏幕|显示屏|灯泡|手电|闪光灯|灯)[^,?]{0,3}(亮|闪)`, ""),
	// "不是蒸汽 是烟 灰色的": smoke told against what it was taken for ("都是烟" of a kitchen is
	// the cooking's)
	cue(HazardSmoke, `(是|系)(黑|白|灰|青)?烟(,|$|了|啊|呀|嘅|来的|嚟)`, `都是|全是|攏是|拢是|满是|净是|到处是|油烟|炒|煮|煎|炸|做饭|做菜|抽烟|吸烟|香烟`, `不是|唔系|不系|不像|并非`),
	// "主机后面出了点雾一样的东西 屋里有股呛味": a vapour that stings is smoke
	cue(HazardSmoke, `(出|冒|飘|窜)[^?]{0,4}(雾|烟|气)一样的(东西)?[^?]{0,12}(呛|刺鼻|熏|咳|辣眼|焦|糊)`, `(加湿|雾化|香薰|干冰|蒸|水汽)`, ""),
	// "灶的旋钮后面蹿出来一点火 不是灶眼那儿": a flame where no flame belongs
	cue(HazardFire, `(旋钮|开关|面板|底下|下面|缝|后面|里面)[^?,]{0,4}(蹿|窜|冒|喷)(出|起)?(来)?(一点点|一点|一小|一股|一团|点)?火([^花星苗候]|$)`, "", ""),
	// "厨房地上全是水 电饭煲还在插着煮", "热水器在往外喷水 电还开着": water spread while the power is on
	cue(HazardWaterElectric, `(地上|地面|满地|台面)[^?]{0,6}水[^?]{0,14}(插着|通着电|插着电|还在煮|还开着|电还)|(喷水|漏水|冒水|流水|淌水)[^?]{0,10}电(还|也)?(开着|通着|没关|没断|没拔)`, "", ""),
	// "背面烫得有点拿不住": a battery device too hot to hold
	cue(HazardBattery, `(后盖|背面|背板|后壳|机身|电池|手机|平板|笔记本|充电宝|手表)[^?]{0,6}烫得[^,?]{0,4}(拿不住|握不住|不敢拿|不敢碰|不敢摸|没法拿|拿不了|受不了)`, "", ""),
	// "啪啪响了两下 还闪了一下光": a crack with a flash is an arc
	cue(HazardSparks, `(啪|噼啪|啪啪|砰|嘭|叭)[^?]{0,12}(闪了?一?下?(光|亮)|闪光|冒光|一道光|亮了一下|冒了一下光)`, "", ""),
	// "管子那儿嘶嘶响 闻着有味", "闻着有股味 那根管子还嘶嘶的": a hiss beside a smell is gas
	// escaping until the gas company says otherwise (a phone or a pan that hisses is none)
	cue(HazardGas, `(嘶嘶|丝丝|咝咝|嗤嗤|呲呲|哧哧)[^?]{0,14}?(闻|有|一|股)[^,?]{0,3}味|(闻|有|一|股)[^,?]{0,3}味[^?]{0,14}?(嘶嘶|丝丝|咝咝|嗤嗤|呲呲|哧哧)`,
		`手机|电池|充电宝|耳机|平板|笔记本|油|锅|煎|炸|炒|水开|烧水|壶|轮胎|充气|气垫`, "", 2, 3),
	cue(HazardGas, `肥皂水[^?]{0,24}(冒泡|起泡|泡泡|鼓泡)`, "", ""),
	cue(HazardGas, `臭鸡蛋|(闻|有|一股|好大|很大|好重|很重|冲)[^,?]{0,6}(味|臭|呛|气儿|冲|刺鼻)|(味|味儿|气味|气儿)[^,?]{0,3}(冲|大|重|浓|呛)|(一屋子|满屋|屋里|到处|一屋)[^,?]{0,6}(味|气儿)|报警器[^,?]{0,8}(叫|响|嘀|闪)|gas`, `(糊|焦|霉|馊|腥|烟味|油味)`, `(燃气|煤气|天然气|液化气|瓦斯|灶|炉头|阀门|总阀|气阀|软管|黄管|气管|燃气管|gas)`).explained(`(没|不|没有)(通|有|用|装|接)(燃气|煤气|天然气)`),
	// a hiss near gas fittings is gas escaping, unless the message puts it down to a pressure
	// cooker's or rice cooker's valve letting off steam ("电饭煲排气阀喷蒸汽 嗤嗤响")
	cue(HazardGas, `(嘶嘶|丝丝|咝咝|嗤嗤|呲呲|滋滋)`, `(糊|焦|霉|馊|腥|烟味|油味)`, `(燃气|煤气|天然气|液化气|瓦斯|灶|炉头|阀门|总阀|气阀|软管|黄管|气管|燃气管)`).explained(`(没|不|没有)(通|有|用|装|接)(燃气|煤气|天然气)|` + steamValve),
	cue(HazardFire, `(^|[^不没打点])出火(了|啦|呢|苗|焰|,|$)|冒出[^,?]{0,3}(一小团|一团|一股)火|起火|失火|明火|火光|自燃|烧了个?(洞|窟窿|孔)|烧出(了|个|一个)*(洞|窟窿|孔)|烧穿|(床单|被子|被褥|沙发|窗帘|地毯|桌布|衣服|桌面|地板)[^,]{0,4}烧(了|着|坏|焦|黑|糊)|烧起来|燃起来|烧着了|着起来|冒了?火(苗|焰|了|啦|呢|,|$)|冒了火|喷火|窜火|蹿火|火灾|起了火|着了火|着咗火|火烧`, `(急|气|恼|烦|怒)[^,]{0,4}冒火|(心里|心头|肚子|眼睛|眼里)[^,]{0,2}冒火|冒火了我|像[^,]{0,4}着了?火(一样|似的)|跟着了?火(一样|似的)|(热|急|气|馋|渴)得[^,]{0,5}着火|火灾险|火险|火灾保险|(热水器|水壶|烧水|热水|锅炉)[^,]{0,4}烧起来(的时候|时候|时|以后|后|之后|嗡|声|响|很|慢|太慢|不|没)|像[^,]{0,6}烧着了?[^,]{0,2}(那|的|那种|那股)?(股)?(味|气味|臭)|烧着了?(的|那|那种|那股)(味|气味|臭)|闻[^,]{0,4}(像|跟)[^,]{0,6}烧着了?(似的|一样)`, ""),
	cue(HazardFire, `(毛巾|衣服|布|窗帘|纸|被子|被角|被罩|枕头|帘子|袜子|床单|沙发|地毯|纸箱|箱子|东西)[^,?]{0,2}(着了|烧着|点着|烤着|引燃|燃了)`, `(没|不会|别|怕)[^,?]{0,2}(着|烧|燃)`, ""),
	cue(HazardFire, `(^|[^打点能])(着火)`, `(上回|上次|以前|之前|去年|那次)[^,]{0,2}着火(的|那台|那个)[^,]{0,6}(早|已经)(就)?(换|扔|处理)|(嘴|嗓子|喉咙|心|胃|舌头|脸)[^,]{0,3}着了?火|(点|打|按|拧|旋|扭|才|难|慢)[^,]{0,3}着火|(热|急|气|馋|渴)得[^,]{0,5}着火|像[^,]{0,4}着了?火(一样|似的)|跟着了?火(一样|似的)|着火(很慢|慢|难)|着火了(吗|没)|着火(灭|熄)|火灭|用着火|烧着火|(电影|电视剧|剧里|戏里|节目|视频|游戏|动画|新闻)[^,]{0,8}着火|着火(那场|的那场|那段|的戏|的镜头|的画面|的场景|的新闻|那幕|的那幕|那一幕|嗰幕|嗰场|嗰段|嘅画面|嘅镜头|嘅场景)`, "", 2),
	cue(HazardFire, `(在|正在)烧(着|起来)?([^水饭菜开热]|$)|(充电宝|电池|插排|插座|插头|电线|手机|电动车|电瓶|适配器|充电器|电源|取暖器|电暖器|电热毯|机器|电器)[^,]{0,6}着了|(沙发|窗帘|被子|床单|衣服|桌子|地毯|纸箱|家具)[^,]{0,4}(点着|引着|烧着)|烧(了|出)(个|一个)?(印|黑印|坑)`, `烧(水|饭|菜|开)|热气|蒸汽|水壶|壶|(泡|放|插|连|接|挨|靠|亮|摸|用|留|晾|盖|压|堆|搁|摆|挂|躺|浸|淹|开|关|充|闲|空|等|搭|贴)着了?([^火]|$)`, "", 2),
	// "充电宝嗰度烧咗起嚟", "拖板烧起嚟喇", "插苏烧紧": Cantonese for burning up, burning now
	cue(HazardFire, `烧(咗|了)?起(嚟|身)|烧咗起|(插|线|电|机|器|宝|池|板|苏|掣)[^,?]{0,4}烧紧`, `烧(水|饭|菜|开)|热水|水壶|煲`, ""),
	// "着过一次火 小火苗", "炉子背后蹿出火来了": a fire that was, or fire out of its place
	// a flame that leapt and singed what was near, told after the fact: "后头那儿呼地窜了一下
	// 把窗帘底下燎黑了一片", "电热毯燎了个洞"
	cue(HazardFire, `燎(黑|焦|着|了|坏|到|糊|穿|出|起)|(呼|轰|嘭|噗)(地|的)?一?下?(窜|蹿)(了|起|出)`, `(心急|火急|急)火燎|燎原|火燎火燎`, ""),
	cue(HazardFire, `着过(一次|一回|两次)?火|(蹿|窜|冒|喷)出(来)?(一股|一团)?火(来|苗)?`, `冒出火花|(急|气)[^,]{0,3}(冒|喷)出火`, ""),
	// "加热盘那里冒了个小火苗 马上灭了", "底座着伙了 有明伙": a flame out of a part that has none,
	// even one that went out at once; 伙 is voice input's 火
	cue(HazardFire, `冒(了|出|起)?(个|一个|一点|点|一小|一丝|一下)*小?火(苗|焰|舌)|着伙了|有明伙|起伙了|冒伙`, stoveFlame, ""),
	// the colour or size of a burner's flame is said next to it ("火苗发黄", "小火苗"), so a
	// 小 elsewhere in the clause ("小米", "小孩房间") leaves the flame a fire
	cue(HazardFire, `火苗|火焰|火舌`, stoveFlame+`|(火苗|火焰)[^,]{0,6}(发黄|发红|很小|太小|变小|小|大小|不稳|不均|不齐|一边|忽大|时大|蓝|黄|红|熄|灭)|(小|蓝|黄|红|蓝色|黄色|红色|大小)的?(火苗|火焰)|图标|标志|符号|图案|表情|一样的(图|标)`, ""),
	cue(HazardFire, `(窜|蹿|冒出|烧到|外面|插|线|电)`+inClause+`{0,4}(火苗|火焰|火舌)|(火苗|火焰|火舌)`+inClause+`{0,4}(窜|蹿|烧到|冒出来)`, stoveFlame, ""),
	cue(HazardSparks, `(啪|砰|嘭|噼)[^,]{0,5}(闪|火花|冒火|亮了一下)|(闪|光)[^,]{0,6}(啪|噼啪)|电焊|闪电(一样|似的|按呢)?的?光|(里面|后面|底下|插座|孔|接口|插头|后壁|后壳|门缝)[^,]{0,8}(一闪一闪|闪一下|闪了下|闪了一下|亮光|亮了一道|一道光|蓝光|弧)`, `(屏幕|画面|指示灯|灯|显示|信号|wifi)[^,]{0,4}(一闪一闪|闪一下|闪了下|闪了一下)`, ""),
	cue(HazardSparks, `闪了?(个|一下|一道)?(蓝光|火光|白光)|(蓝光|火光)一闪`, `(屏幕|画面|指示灯|灯)[^,?]{0,4}(蓝光|白光)`, ""),
	// "电脑底下有点发热 还有滋滋声": a crackle with heat, arcing inside
	cue(HazardSparks, `(滋滋|嗞嗞|吱吱|呲呲|噼啪|噼里啪啦|啪啪)[^,?]{0,2}(声|响)`, `(油|锅|煎|炸|炒|烤肉|水开|烧水|蒸)`, `发热|发烫|烫|很热|冒烟|焦|糊`),
	cue(HazardSparks, `火花|火星|拉弧|电弧|闪火|冒火花|打火花|打花|冒花|迸花|spark|(里面|内部|腔体?)[^,]{0,6}(蓝光|蓝色的光|闪光)`, `火星(传|来|上|人|文|探测|车|撞)|从火星|来自火星|点火([^花星]|$)|打火([^花星]|$)|打不着|点不着|脉冲|点火针`, ""),
	cue(HazardSparks, `亮了?一下[^,?]{0,6}(啪|砰|嘭|噼)|(啪|砰|嘭)[^?]{0,3}(一声|一下)?[^?]{0,6}跳闸`, `(屏幕|画面|指示灯|灯)[^,?]{0,3}亮`, ""),
	// "插座💥一下", "插排砰的一声": a bang at a socket is an arc (💥 reads 砰)
	cue(HazardSparks, `(插座|插头|插排|排插|插线板|接线板|插板)[^,?]{0,3}(砰|嘭)(的|地)?(一声|一下|了一下)`, "", ""),
	cue(HazardSparks, `(插|开关|电线|线路|电源|充电|适配器|接线|接头|电闸|空开|电表|里面|内部|腔|后面|背后|底下|机身|主板|微波炉|转盘|炉腔|内壁|云母片|波导)`+inClause+`{0,6}(打火|打了?一?下火|打了火|冒火|噼啪|噼里啪啦|啪啪响|闪光|闪了一下|电光|滋滋响|吱吱响|呲呲响)`, `(打不着|不着火|点不着|打不燃|着不了|打不上火|点火|灶)`, "", 2),
	cue(HazardSmoke, `冒烟|起烟|冒`+inClause+`{0,4}烟|(就|会|在|又|还)?出(咗|紧|了|着)?(一|阵|股|啲|些|点|丝)*烟(了|啦|喇|嘞|,|$)|出(咗|紧|了|着)(一|阵|股|啲|些|点|丝)*烟|标[^,]{0,2}烟|烟出(来|嚟)|有烟|有(一)?(点点|点|些|丝丝|丝|股|阵|缕|团)烟|烟雾|浓烟|黑烟|白烟|青烟|一股烟|股烟|烟冒|冒青烟|(往外|往上)?(飘|窜|蹿|喷)(出|起|了)*(一点|点|些|股|阵|丝|缕)?烟`, `(油烟|烟道|排烟|烟管|烟机|烟灶|吸烟|抽烟|香烟|烟囱|排气|出烟口|炒菜|做饭|煎|烤肉|烤(东西|串|鸡|鱼|红薯|饼)|五花肉|爆炒|炝锅)|(急|气|恼|怒)(得|死|到|的|我)[^,]{0,3}冒[^,]{0,2}烟|(急|(?:^|[^空冷暖燃煤然化蒸天香沼])气)冒[^,]{0,2}烟|(嗓子|喉咙|嘴|鼻子|脑袋|心|七窍|(^|[^后里上外前下背])头)[^,]{0,3}冒[^,]{0,2}烟|`+alarmFitted, ""),
	cue(HazardShock, `(^|[^停断来没充])电了(我|一下|手)|(^|[^停断来没充])电(了)?我(一下|一哈|一家伙|一记)`, "", ""),
	cue(HazardShock, `(碰|摸|挨|触)[^,?]{0,4}(有点|有些|会)电([^视脑池话器源线饭扇热]|$)|有电感|电手`, "", ""),
	cue(HazardShock, `有点麻|一直麻|麻嗖嗖|麻丝丝|麻酥|嘚嘚|(像|有|在)过电|过电(一样|的感觉|似的)|电流感|小电流|像电流|electric|shock|触电感|电击感`, `(玩|久|长时间|打字|握|坐|蹲|睡)[^,]{0,6}麻`, `(摸|碰|触|touch|接触|挨|伸进|水|充电|插电|外壳|边框|金属|机身|手|静电)`),
	cue(HazardShock, `(碰|摸|挨|触|扶)[^?]{0,10}(像被针扎|针扎一样|被咬了|刺了一下)`, "", ""),
	// "一摸壶身子手就麻", "摸着麻 是不是漏电": numb from a touch, the clause ending there
	cue(HazardShock, `(摸|碰|触|挨|扶)[^,?]{0,8}(就|都|会|有点|有些|还)?麻($|[,?这是呢啊呀哦咧嘞])`, `(玩|久|长时间|打字|握|坐|蹲|睡)[^,]{0,6}麻`, ""),
	// "洗澡说全身都麻", "碰到水龙头刺刺的": tingling in the shower or from the water
	cue(HazardShock, `(洗澡|淋浴|冲凉|水龙头|花洒|出水口|水流)[^?]{0,10}(麻|电人|电了|刺刺|酥酥|电手|过电)`, `(腿|脚)[^,]{0,3}麻|蹲[^,]{0,4}麻`, ""),
	// "坐上去有点麻电的感觉", "碰到洗衣机 手一下子弹开了", "摸水龙头 微微刺痛": a shock told by
	// what the hand did or felt
	cue(HazardShock, `麻电|电麻|(碰|摸|挨|触|扶)[^?]{0,20}(弹开|缩回来|弹了一下|刺痛|一痛)`, `静电|毛衣|干燥`, ""),
	// "冰箱后面的线被老鼠咬了 露出铜丝了": a mains cord broken open is live metal within reach
	cue(HazardShock, `(电线|电源线|插头线|电源插头|插头|线皮|外皮|胶皮|(^|[^管天网数耳光鱼排])线)[^?]{0,8}(破皮|磨破|咬破|咬断|被咬|咬坏|被老鼠|烂了|裂开了|露出|露铜|漏铜)|露(出)?(了)?(铜丝|铜线|里面的线|金属丝)|铜丝(露|漏)`, `(耳机|网线|光纤|鱼线|数据线|充电线|耳机线)`, ""),
	// "手碰到外壳被什么东西蛰了一下似的 酥酥的": stung, tingling, told as a likeness
	// "冰箱门把手一碰就酥一下", "俺摸那铁皮子激了我一下", "摸洗衣机 手一激": a touch, then a jolt
	// told in a word of its own (激 of 刺激, 激活 or 激光 is none)
	cue(HazardShock, `(碰|摸|挨|触|扶)[^?]{0,14}(酥(了)?(一)?下|激(了)?(我|俺|手)?(一)?下|激我|(手|我|俺)一激)`, `刺激|激活|激光|感激|激动|静电|毛衣`, ""),
	cue(HazardShock, `(碰|摸|挨|触|扶|手|外壳|机身|门把)[^?]{0,14}(蛰|蜇|叮|咬|刺|扎)了?一下|(碰|摸|挨|触|手|外壳|机身)[^?]{0,14}(酥酥|刺刺|麻麻|麻嗖|一激灵)`, `(蚊子|虫|蜜蜂|猫|狗)`, ""),
	cue(HazardShock, `(碰|摸|挨|触|扶|手|壳|把手)`+inClause+`{0,8}(打了?我|打我一下|打了一下手|打手|咬手|咬了我|蜇手|蜇了我|电咬|刺了?一下|刺手|扎了?一下|针扎|被咬|咬了|就?电(了)?一下)`, "", ""),
	// "摸洗衣机的时候 像被蚂蚁咬了一口", "碰到电饭煲 被打了一下", "碰一下嗞的一下": a touch, then what
	// the hand felt, told in a clause of its own
	cue(HazardShock, `(摸|碰|触|挨|扶|接触|手指|手心|手背|光脚|脚底)[^?]{0,14}(被打了?一下|打了我?一下|被电|电流|电感|一激灵|激灵|哆嗦|针刺|针扎|刺痛|刺啦刺啦|刺刺|酸麻|发麻|麻了|麻麻|麻一下|(蚂蚁|虫子?|针)[^,?]{0,2}(咬|扎|叮|蛰|蜇)|弹开|缩回|(嗞|滋|呲)(的|地)?一下)`,
		`静电|毛衣|干燥|(玩|久|长时间|打字|握|坐|蹲|睡|压)[^,]{0,6}麻|(蚊子|虫子)[^,?]{0,4}(叮|咬)了|仙人掌|木刺|毛刺|玻璃|划`, ""),
	// "热水器洗澡时水有点点电", "外壳好像有电": current said to be in the water or on the casing
	cue(HazardShock, `(水|外壳|机身|壳子|金属|水管|水龙头|花洒|门把|把手|铁皮)[^,?]{0,4}(有点点?|有些|有一点|一点点|有丢丢|好像有|有)电([^视脑池话器源线饭扇热费量压流表]|$)`, "", "", 2),
	// "一股电流窜到胳膊", "有轻微的电感": current felt, named as such
	cue(HazardShock, `一股电流|电流(窜|传|通|走)(到|过|遍)|(轻微|微微|一点|有点|有些|明显)的?电感`, "", ""),
	// "用电笔一测外壳就亮", "热水器外壳 电笔碰上去红灯亮": a mains tester lighting on a casing, a pipe
	// or the water, not on a socket
	cue(HazardShock, `(电笔|测电笔|试电笔|验电笔)[^?]{0,8}(外壳|机身|壳子|箱体|金属|铁皮|水管|水龙头|花洒|门把|把手|水)[^?]{0,6}(亮|发光|有电|报警)|(外壳|机身|壳子|箱体|金属|铁皮|水管|水龙头|花洒|门把|把手)[^?]{0,8}(电笔|测电笔|试电笔|验电笔)[^?]{0,6}(亮|发光|有电|报警)`, "", "", 3, 6),
	// "电水壶一插上电 家里就跳闸", "一开就跳空开": a breaker tripping at switch-on is leaking
	// current until an electrician says otherwise (a trip before a fault is its trigger)
	cue(HazardShock, `(插上|一插|插电|通电|开机|一开|打开|启动|一用|用的时候|加热|烧水|洗澡|一按|按开关|接通|上电|一烧)[^?]{0,10}?(跳闸|跳空开|跳电|跳了闸|(漏保|空开|电闸|总闸|闸|保险|漏电保护器?)(就|又|会|马上|立马|立刻)?(会)?跳)|(一插|插上|一开|一用|一通电|一烧|一加热)就跳`, "", "", 2),
	cue(HazardShock, `有啲电|电亲|电咗(我|一下|手)|电着我|麻人|遭电|跑电|漏电|触电|电击|麻手|手麻|发麻|麻麻的|麻酥|一麻|电麻|麻一下|麻了一下|有电感|电得(慌|手|人|疼)|(摸|碰|触|手)[^,]{0,6}麻(了|一下|的)`, "", ""),
	// "手碰到水感觉麻麻地": Cantonese tingling on touch (alone, "效果麻麻地" is so-so)
	cue(HazardShock, `(摸|碰|掂|触|挨|手|脚|身)[^?]{0,10}麻麻地`, "", ""),
	cue(HazardShock, `(^|[^充停来打断省耗用插不没])(电人|电到|被电|带电|电手)([^池脑视动瓶风扇饭表机环线源]|$)`, "", "", 2),
	cue(HazardShock, `(排插|插排|插座|插头|插线板|插板|接线板)(电到|电人|电手|电了)`, "", ""), // "排插电到我了"
	// "碰一下空调外壳就电我": a touch, then the machine shocks
	cue(HazardShock, `(碰|摸|挨|触|扶)[^?]{0,10}(就|会|还|又)电(我|俺|人|手|了)`, "", ""),
	cue(HazardWaterElectric, waterWords+`[^?]{0,12}`+liveParts, farFromWater, "", 1, 2).explained(farFromWater),
	cue(HazardWaterElectric, liveParts+`[^?]{0,12}`+waterWords, farFromWater, "", 1, 2).explained(farFromWater),
	cue(HazardWaterElectric, wetNow+`[^?]{0,24}`+poweredNow, "", "", 1, 2),
	// "插座面板里面有水", "水槽下面的插座湿哒哒的", "墙插上全是水珠": water seen in or on a live
	// part, in words too common to read at a distance ("热水器有水 插头插着" is no such thing)
	cue(HazardWaterElectric, liveParts+inClause+`{0,6}(里面有水|里有水|上有水|上面有水|有水珠|水珠|有水渍|湿哒哒|湿嗒嗒|湿答答|湿漉漉|湿乎乎|湿湿的|潮潮的|潮乎乎|在滴水|往外冒水|冒水)`, farFromWater, "", 1, 2).explained(farFromWater),
	// "鞋柜旁边那个插座 有水", "插排那 全是水": water at a live part, said in the next clause
	cue(HazardWaterElectric, liveParts+`[^,?]{0,6},(有水|有点水|有些水|有一点水|全是水|都是水|好多水|一滩水|进水|进了水|湿了|湿的|湿湿的|湿漉漉|湿哒哒)(?:了|的|啊|呀|哦|呢|嘞|喔|哇)*(?:,|\?|$)`, farFromWater, "", 1).explained(farFromWater),
	// "地上一滩水 电饭煲的线泡在里面": a cord or a plug lying in water
	cue(HazardWaterElectric, `(线|插头|插座|插排|排插|插线板|电源|充电器|适配器)[^,?]{0,4}(泡在|泡进|泡到|浸在|浸到|淹在|躺在)[^,?]{0,4}(水|里)`, `(耳机|网线|鱼线|光纤|晾衣|线团|毛线)`, `水`, 2),
	// "鱼缸加热棒的插头掉进鱼缸了", "插排滑进水盆里": a live part itself fallen into water
	cue(HazardWaterElectric, liveParts+`[^,?]{0,3}(掉|落|跌|泡|浸|滑)(进|到|在|入)?了?[^,?]{0,3}(水|鱼缸|盆|池|马桶|桶|缸|汤)`, "", "", 1, 2),
	// "水还在往插座那边流", "啲水漏咗落拖板度": water moving towards or onto a live part
	cue(HazardWaterElectric, `(水|漏)[^?]{0,6}(往|朝|向|流向|漏咗落|漏落|落)[^?]{0,4}`+liveParts, farFromWater, "", 1, 2),
	// "顶上那个灯往下滴水 灯还亮着", "水从灯罩里滴下来", "漏水 灯闪了一下": water in a light fitting
	cue(HazardWaterElectric, `(吸顶灯|吊灯|顶灯|灯座|灯罩|电灯|灯管|射灯|浴霸|灯具|灯口|那个灯|的灯|灯里)[^?]{0,8}(滴水|漏水|渗水|进水|往下滴|流水|有水|淌水|滴下)|(水|漏)[^?]{0,8}(从|在|进|到|碰到|滴到|流到)[^?]{0,3}(吸顶灯|吊灯|顶灯|灯座|灯罩|电灯|灯管|射灯|浴霸|灯具|灯里|灯上)|(漏水|滴水|渗水)[^?]{0,12}灯[^,?]{0,3}(闪|灭|一闪|闪了)`, `指示灯|显示灯|电源灯|信号灯|工作灯|故障灯|屏`, "", 1),
	cue(HazardWaterElectric, `(漏水|滴水|渗水|水)[^,?]{0,4}(滴到|流到|流进|淋到|泼到|溅到|洒到|渗到)[^?]{0,10}(电视|电脑|主机|机顶盒|路由器|音响|电器|机器|显示器|后面|里面)`, "", `(开着|还开着|插着|通着电|没断电|没拔|在用|在运行)`, 1),
	cue(HazardWaterElectric, poweredNow+inClause+`{0,14}`+`(进了?水|泡了?水|淹|湿了|洒了?水|泼了?水|掉水里|掉进水|掉马桶)`, "", "", 1, 2),
	// "楼上漏水滴到空调上了", "天花板渗水 正好滴在电视上面", "雨水打到洗衣机上了": water from the
	// house onto a mains-wired appliance, whether or not it is said to be on (an outdoor unit
	// is made for rain and its upstairs neighbour's drip)
	cue(HazardWaterElectric, outsideWater+`[^?]{0,14}(滴|流|淋|打|渗|淌|溅|漏|灌|泼|浇)[^?]{0,3}(到|在|进|着)[^?]{0,6}`+wiredAppliance, farFromWater+`|外机|室外机`, "", 2).explained(farFromWater),
	// "卫生间热水器上面一直在滴水 楼上漏下来的": the appliance first, where the water came from after
	cue(HazardWaterElectric, wiredAppliance+`[^,?]{0,4}(上面|上头|顶上|上)[^,?]{0,6}(滴水|漏水|渗水|淌水|流水|往下滴|有水)[^?]{0,14}`+outsideWater, farFromWater+`|外机|室外机`, "", 3),
	cue(HazardBattery, `鼓包|鼓起|鼓了|鼓成|变形|越来越鼓|(背面|后面|后盖|后壳|表身)[^,]{0,4}鼓|翘起|翘起来|膨起|膨胀|胀|盖子合不(严|上|拢)|分开了|撑开|有点鼓|好像鼓|点鼓|鼓(的|$)|鼓得|鼓宝|起鼓|胀成|鼓出|鼓鼓|膨胀|顶起|撑开|变胖|撑起来|起包|胀得|胀了|胀起|发胀|胀咗|凸起|拱起|鼓溜`, `(没|没有|不|未|无)[^,?]{0,1}(鼓|胀|变形|翘|膨)`, batteryish).explained(`磁铁|磁力|磁吸|卡扣|扣子坏|铰链|合页|转轴|盖子[^,?]{0,4}断`),
	cue(HazardBattery, `(电池|充电宝|移动电源|电瓶)`+inClause+`{0,6}(烫|过热|冒泡|漏液|冒气)`, "", "", 2),
	// "底壳中间往外凸", "背面中间高起来了 放桌上转圈圈", "侧面胖出来一块": a swelling told by its shape
	// "笔记本触控板往上拱", "触摸板按不下去了 往上顶": a laptop's battery sits under the
	// trackpad and keyboard and lifts them (one key that sticks is none)
	cue(HazardBattery, `(触控板|触摸板|键盘)[^?]{0,8}(往上拱|往外拱|往上顶|往外顶|往上凸|往外凸|拱起|拱上来|顶上来|被顶|顶起|凸起|鼓起)`, `按键|键帽|有个键|某个键|几个键|卡住|弹不回|顶不回|回不去`, ""),
	cue(HazardBattery, `(底壳|底盖|底板|底部|后盖|后壳|背面|背壳|背脊|外壳|机身|侧面|中间|盒子|表背|屏幕|电池)[^?]{0,8}(往外凸|凸起|凸出|凸了|凸咗|高起来|拱起|胖出|胖了|变厚|被顶|顶起|撑起)|(放|搁)?(在)?(桌|桌面|桌子|平面)上[^?]{0,6}(转圈|打转|晃|不平|翘|摇)|(四个|几个)?(脚|角)不平`, `(没|不)[^,?]{0,2}(凸|鼓|胖|变形|不平)`, batteryish),
	cue(HazardBattery, `(渗|流|漏|冒)[^,?]{0,4}(液体|液|水)[^?]{0,10}(刺鼻|味|黏|粘)|(黏黏|粘粘|黏糊)[^?]{0,6}(液体|液)|开了?(一)?道?缝[^?]{0,4}(越来越|变)|缝[^?]{0,4}越来越(大|宽)|隆起|鼓起了?(一块|一点|个包)`, "", batteryish),
	cue(HazardBattery, `嘶嘶|咝咝|甜甜的|甜味`, "", `(手机|电池|充电宝|后盖|后壳|耳机|手表|平板|笔记本)`),
	// "充电头烫得很", "充电器烫手": the charger, not a battery (a burning-smell cue reads it)
	cue(HazardBattery, `(充电(?:[^头器]|$)|充着电|电池)`+inClause+`{0,8}(烫得|烫手|烫死|很烫|特别烫|巨烫|超烫|好烫|烫到|太烫)`, "", "", 2),
	cue(HazardBattery, `烫得(拿不住|握不住|不敢(摸|拿|碰)|受不了|没法拿)|烫到(拿不住|不敢)`, "", batteryish),
	// A device worn or held that burns the skin: "手表戴着烫 手腕都烫红了", "耳朵烫起泡了".
	cue(HazardBattery, `烫(红|伤|起泡|出泡|出了?(个|一个)?(水)?泡|破皮|得起泡)|(手腕|手背|手指|手心|皮肤|耳朵|脸|腿|胳膊)[^,?]{0,4}(烫|灼)[^,?]{0,2}(红|伤|疼|泡)`, "", batteryish, 2),
	cue(HazardBurning, `burning|burnt|塑料[^,]{0,2}(化了|熔|烧)|烧塑料|烧头发|烧焦|焦味|交味|糊味|焦糊|烧糊|烧黑|烧化|烧熔|熔化|熔了|烧(焦|糊|着|煳)?的?味|燶味|糊巴味|烧[^,]{0,3}(哩|嘞|滴)味|烧(线|电线|塑料|胶皮|橡胶|胶)|烧东西的味|烧塑料|烧电线|橡胶味|胶皮味|电线味|焦臭|焦毛|烧毛|焦[^,]{0,2}味|闻(着|起来|到|得到|上去)(有点|有些|好像|一股|点|些)?(糊|焦|煳)|焦焦|焦黄|烤焦`, cookingNear, "").explained(`是锅里的|锅里的(味|东西)|不是机器`),
	cue(HazardBurning, `(插头|插座|插排|排插|插线板|接线板|底座|接口|电源线|电线|充电口|充电器|充电头|适配器)[^?]{0,8}(怪味|异味|味儿|有味|臭味|胶味)`, `(没有?|无|冇)[^,?]{0,2}(怪味|异味|味)`, ""),
	cue(HazardBurning, `(插头|插座|插排|排插|电线|电源线)[^?]{0,10}(化了|熔了|融了|烧化|变形发黑|焦了|烧黑)`, "", ""),
	// the smell first taken for someone's cooking: "底下一股焦味 我还以为是谁家饭烧糊了"
	cue(HazardBurning, `(焦味|糊味|焦糊|烧焦|煳味)[^?]{0,12}(还?以为|还当|当成|当是|以为是)|(还?以为|还当|当成|当是)[^?]{0,10}(烧糊|糊了|焦了|煳了)[^?]{0,10}(原来|结果|其实|后来)`, "", ""),
	// "机身特别烫 出风口有股塑料味": a device running hot that smells of plastic or rubber
	cue(HazardBurning, `(塑料|胶|橡胶|胶皮|电线)[^,?]{0,2}(味|臭)`, `(没有?|无|冇)[^,?]{0,2}(塑料|胶)`, `发烫|烫手|很烫|好烫|滚烫|特别烫|烫得|烫烫|过热|热得(厉害|很|不行|要命)|特别热|非常热|很热`),
	cue(HazardBurning, `(黑了|发黑|焦黑)[^,?]{0,3}(一圈|一块|一片|一点)?[^?]{0,6}(味)`, `(没有?|无|冇)[^,?]{0,2}味`, ""),
	cue(HazardBurning, `(插头|插座|插排|排插|线|外壳|开关|接口|充电口)`+inClause+`{0,4}(化了|熔|融了|发黑|黑了|变形发黑|焦了|焦焦|焦黄|发焦|烧黑)`, "", ""),
	// "插头那里有点黑", "底座那个金属片有点发黑": a contact darkened is scorched
	cue(HazardBurning, `(插头|插座|插排|排插|插线板|接线板|插孔|插针|插脚|插片|金属片|触点|触片|铜片|簧片|接线柱)`+inClause+`{0,6}(有点|有些|有一点|一块|一圈|一片|都|全|变|熏|烧)(发)?黑`, `黑色|黑的(插|线|外)`, "", 2),
	// A heating textile or heater with a scorched spot is charring: "电热毯有一块特别烫还有点黄了",
	// "取暖器烤焦了一小块", "电热垫布面发黄发硬".
	cue(HazardBurning, `(发黄|变黄|黄了|黄黄|焦黄|黄褐|发褐|变褐|褐色|发焦|焦了|烤焦|烫焦|烧焦|烤糊|糊了|发糊|烫(坏|穿|化|出(了)?(个|一个)?(印|洞|坑|黄))|发硬|变硬|硬了|一块[^,?]{0,6}(烫|热)[^?]{0,10}(黄|焦|糊|褐|硬))`,
		`(指示灯|灯|屏幕|显示|图标|洗|漂白|水渍|水印|汗)`, `电热|电褥|加热垫|发热垫|暖垫|暖宫|取暖|暖风机|电暖|小太阳|油汀|暖脚|暖手宝|暖桌|烤火|热敷|暖毯|毯子|毯面|布面|垫子|褥子|电热被|暖被`),
	// A live part running hot is a fire about to start: "插座周围摸着烫", "充电器烫手".
	cue(HazardBurning, `(插头|插销|插座|插排|排插|插线板|接线板|拖线板|电线|电源线|充电器|充电头|适配器|开关|电闸|空开|电表)`+inClause+`{0,6}(发烫|烫手|很烫|好烫|滚烫|烫得|特别烫|热得|发热|很热|烫|热乎乎|热热的|热烘烘|热得很)`, heatsWell, ""),
	// "插座摸着有点温乎 还有点软": a live part gone soft is melting
	cue(HazardBurning, `(插头|插销|插座|插排|排插|插线板|接线板|拖线板|电线|电源线|开关|面板|外壳)[^?]{0,10}(变软|软了|有点软|发软|软软的|软塌|软化)`, `(软件|软管|软线)`, "", 2),
	// "冰箱插头有点热": a plug, socket or cord (not a charger, which runs warm) warmer than it
	// should be, in mild words; lukewarm ("温温的") is no sign
	cue(HazardBurning, `(插头|插销|插座|插排|排插|插线板|接线板|拖线板|电线|电源线|开关|电闸|空开|电表)`+inClause+`{0,6}(有点热|有些热|有点儿热|挺热|好热|老热|贼热|蛮热|怪热|热了)`, `(充电器|充电头|适配器|充电宝)`, ""),
	// "插头那根线靠近机器那头有点发黑 摸着挺烫手": a cord or plug blackened, or hot to the
	// touch, told a few words away from it
	cue(HazardBurning, `(插头|电源线|电线|线头|线|插座|插排|接头)[^?]{0,14}(发黑|黑了|焦了|发焦|烧黑|黑一块|黑一截|黑了一截|焦黑|黑黑|黑乎乎|黑糊糊|熏黑|乌黑|黑咗)|(插头|电源线|电线|线头|插座|插排|接头)[^?]{0,18}(烫手|发烫|很烫|挺烫|好烫|滚烫|特别烫)`, `(耳机|网线|数据线|充电线|黑色|黑线|线条|黑屏)`, ""),
	// "后面插头那块老是吱吱地响 还闪了两下", "插座里面滋滋的响", "墙插里头吱吱啦啦的": a plug,
	// socket or switch that crackles or flashes is arcing (a charger's whine and an indicator
	// lamp's blink are neither)
	cue(HazardSparks, `(插头|插座|插排|排插|插线板|接线板|拖线板|墙插|插孔|开关|电线|电闸|空开|电表|接线|接头|线路)[^?]{0,8}(吱吱|滋滋|嗞嗞|呲呲|噼啪|刺啦|滋啦|嗞啦|吱啦)`, `(指示灯|屏幕|画面|油|锅|充电器|充电头|适配器)`, ""),
	cue(HazardSparks, `(插头|插座|插排|排插|插线板|接线板|拖线板|墙插|插孔|开关|电线|电闸|空开|接线|接头)[^?]{0,14}(闪(了)?(两|几|好几|三|一)下|闪一闪|冒亮光|冒光|亮光)`, `(指示灯|灯|屏幕|画面|显示|信号)`, ""),
	// "微波炉热着热着里头一亮一亮的 还带啪啪的动静": flashes with a crackle are arcing
	cue(HazardSparks, `(一亮一亮|一闪一闪|亮一下|闪一下|闪了一下|一道光)[^?]{0,10}(啪啪|噼啪|啪|滋滋|嗞嗞|滋啦|嗞啦|刺啦|呲啦|吱啦|噼里啪啦)|(啪啪|噼啪|噼里啪啦|滋啦|嗞啦|刺啦|呲啦)[^?]{0,10}(一亮一亮|一闪一闪|亮一下|闪一下)`, `(屏幕|画面|指示灯|显示|信号|wifi|(?:^|[^了掉关熄])灯)[^,]{0,4}(一闪一闪|一亮一亮|闪一下)`, ""),
	// "有股怪味 跟烧轮胎似的", "跟烧了电线皮儿似的": a burning smell told by its likeness
	// "闻着像电线皮烧了", "闻起来跟塑料烧着了似的": the likeness told with the burnt thing first
	cue(HazardBurning, `闻(着|起来|到)?[^,?]{0,3}(像|跟|好像|好比|似)[^,?]{0,3}(轮胎|电线皮|线皮|电线|塑料|胶皮|橡胶|头发|毛|布|线)[^,?]{0,2}烧(了|着|焦|糊|煳|起来)`, cookingNear+`|烧(饭|菜|水|开)`, ""),
	cue(HazardBurning, `烧(了)?(轮胎|电线皮|线皮|电线|塑料|胶皮|橡胶|头发|毛)|(味|味儿|气味)[^?]{0,8}(跟|像|好像|好比)[^,?]{0,3}烧`, cookingNear+`|烧(饭|菜|水|开)`, ""),
	// "电视后面往上飘一缕一缕灰的 呛得她直咳嗽": smoke told by what is seen and breathed
	cue(HazardSmoke, `(飘|冒|窜|出)[^?]{0,6}(一缕|一丝|一股|丝丝)[^,?]{0,6}(灰|白|黑|青)[^?]{0,10}(呛|咳|刺鼻|熏)|(灰|白|黑|青)(的|色的)?(雾|气)[^?]{0,8}(呛|咳|熏)`, `(油烟|炒菜|做饭|加湿|雾化|蒸汽|水汽|香薰|干冰)`, ""),
	// "看见有一股灰灰嘞烟飘出来", "一缕青烟往上窜": smoke with its colour or amount between
	cue(HazardSmoke, `(一股|一缕|一阵|一团|一丝|一些|股|缕)[^,?]{0,5}烟(飘|窜|冒|出|往|起|了|啦|嘞|,|$)|烟(飘|窜)(出|起|了|上)|出来(了)?(一点点|一点|一些|一股|一丝|点|些|股|丝)*烟|烟感|烟雾报警`,
		`(油烟|烟道|排烟|烟机|吸烟|抽烟|香烟|烟头|烟囱|烟花|烟火|炒菜|做饭|煎|炸|蚊香|檀香|香薰|烧香|干冰|`+alarmFitted+`)`, ""),
	// "出风口飘出来灰灰的 不像水汽", "外机昨天冒黑的 不是白气": a dark something coming out, said to be no steam
	cue(HazardSmoke, `(飘|冒|窜|喷)(出|起)?(来)?[^,?]{0,3}(灰灰|黑黑|灰色|黑色|灰|黑)(的|嘞|滴)?[^?]{0,8}(不像|不是)[^,?]{0,2}(水汽|水蒸气|蒸汽|白气|雾)`,
		`(油烟|炒菜|做饭|尾气|汽车)`, ""),
	// "电视后面冒出一股灰色的气 闻着刺鼻", "电热水壶底下冒出一团黑气", "机器里飘出来白色的东西 有点呛":
	// smoke told as a dark vapour, or as any vapour that stings
	cue(HazardSmoke, `(冒|飘|窜|喷|出)[^?]{0,6}(黑|灰|青)(色)?(的)?(气|雾)|(冒|飘|窜|喷)(出|起)?(来)?[^?]{0,8}(白|灰|黑|青)(色)?(的)?(东西|气|雾)?[^?]{0,10}(呛|咳|刺鼻|熏|辣眼)`,
		`(油烟|炒菜|做饭|煎|炸|加湿|雾化|香薰|干冰|尾气|汽车|排气管|水汽|蒸汽|水蒸气)`, ""),
	// "电热水壶底座那块突然蹿起一点火", "插座腾起一团火": a flame leaping out
	cue(HazardFire, `(蹿|窜|腾|冒|喷)(起|出|了)(来|了|出)*(一点点|一点|一小|一股|一团|一下|一簇|一撮|点|个|团|股|簇|撮|小)*火([^花星气]|$)|(插|线|开关|面板|孔)[^?]{0,10}(像|跟)[^,?]{0,4}(烟头|炭火|火炭)`, stoveFlame+`|(急|气)[^,]{0,3}(冒|喷|窜)`, ""),
	// "🔥🔥 着了", "🔥 救命", "着了🔥🔥": fire told by its emoji and what it does (🔥 reads 火)
	cue(HazardFire, `(^|,)火+,?(着了|着啦|着咗|烧起来|烧着了|救命|快来人|快来|灭不了|灭不掉|好大)|(着了|着啦|着咗|烧起来了?|救命)[^,?]{0,3}火火`, `红红火火|红火`, ""),
	// "有🔥 插排那里": a fire said as there being fire, near something on the mains
	cue(HazardFire, `(^|[^没不无])有(明)?火([^力花星气]|$)`, stoveFlame+`|打火机|火柴|蜡烛|香`, `插|线|电|充|机|器|开关|炉|箱|壶|毯|扇|宝`),
	// "油烟机那里一团亮 呼一下 我拿锅盖压住嘞": a flame told by its flash and its smothering
	cue(HazardFire, `一团(亮|火|光)|呼(的|地)?一下[^?]{0,14}(压住|捂灭|扑灭|盖住|灭了|压灭)|(锅盖|湿毛巾|湿布|毯子|灭火器|灭火毯)[^,?]{0,4}(压住|捂灭|扑灭|盖灭|压灭|捂住|盖住)`, `(屏幕|画面|指示灯|灯)[^,?]{0,3}(一团|亮)`, ""),
	// "插座边上那塑料都有点儿发黄了": a socket's plastic discoloured by heat
	cue(HazardBurning, `(插座|插销|插头|插排|排插|插线板|开关|面板)[^?]{0,10}(发黄|变黄|黄了|发褐|变色|烤黄|焦黄)`, `(灯|指示灯|屏幕|图标|贴纸|标签)`, ""),
	// "花洒的管子有点扎扎的 像蚂蚁咬一下": current felt in the shower, told as pricks or bites
	cue(HazardShock, `(洗澡|淋浴|冲凉|花洒|水龙头|热水器|水管|管子)[^?]{0,12}(扎扎|扎手|扎人|刺刺|针扎|蚂蚁咬|被咬|咬一下|咬了一下|刺痛|一激灵)`, `(蚊子|虫|猫|狗|仙人掌|刺儿)`, ""),
	// Fear of an explosion, in the customer's words: "会不会爆炸".
	cue(HazardFire, `爆炸|要炸|会炸|炸开|会爆|要爆|起爆`, `(到|得)爆炸|(冻|心态|薯条|屏幕|玻璃|钢化膜|贴膜|轮胎|气球|爆米花|炸鸡|炸薯条|油炸|炸锅|爆款|火爆|爆满|爆表|爆屏|炸毛|气炸|炸裂)`, ""),
}

// familyRunes are runes every cue of a family needs one of: a message with none of them
// skips the family's patterns.
var familyRunes = map[string]string{
	HazardFire: "火燃着烧炸爆亮呼压捂扑灭盖燎窜蹿", HazardSparks: "火弧闪噼啪滋吱呲光花s砰嘭亮焊电嗞", HazardSmoke: "烟呛咳熏鼻辣气雾汽", HazardShock: "电麻打咬蜇嘚流sk刺扎蛰叮酥激破烂裂露漏铜弹痛闸跳嗞滋呲嗦缩",
	HazardWaterElectric: "水淹泡湿洒泼溅淌渗滴潮桶溢b缸浴乐啡饮汁奶浆酒洗尿汤", HazardGas: "气味燃煤瓦臭漏泄表嘶丝嗤呲哧皂呛咝g滋报", HazardCO: "晕疼痛恶吐困闷昏碳毒co糊睡黑软稳力喘难dnh瞪嗡呕重沉旋星",
	HazardBattery: "鼓胀顶撑胖肿包凸拱烫热泡液溜翘膨严上拢分嘶滋咝甜形缝隆平转高厚晃摇", HazardBurning: "焦糊烧燶熔化黑味臭毛交b烫热塑黄褐硬软",
	HazardInjury:     "夹卡压砸割划切扎绞卷轧碾撞磕刮戳烫弹崩摔跌伤骨针血拔抽出困关吸碰亲打削泡",
	HazardMechanical: "裂断焊松晃摇歪变弯折卡锁扣刹炸爆崩飞弹鼓堵动跳掉坏灵用出排砸摔脱墙拔碎甩破打坠沉倾滑耷",
}

// wetRe is wetNow on its own, for Wet.
var wetRe = MustFilter(wetNow)

// waterAroundRe is water lying about or on something live: waterWords and wetNow.
var waterAroundRe = regexp.MustCompile(waterWords + `|` + wetNow + `|(下|淋|打)[^,?]{0,2}雨`)

// WaterAround reports water, not denied, lying about or on the device or a live part: "地上全是水",
// "插座进水了", "还下着雨". Beside another hazard ("插座冒火花 地上全是水") it changes what is
// safe to do: no stepping in it, the main switch from a dry spot, no unplugging by hand.
func WaterAround(text string) bool {
	t := hazardForm(text)
	for _, loc := range waterAroundRe.FindAllStringIndex(t, -1) {
		if !negated(t, loc[0]) && !deniedAfter(t, loc[1]) {
			return true
		}
	}
	return false
}

// Wet reports whether text says a device took water or a drink: "进水了", "进了点可乐",
// "咖啡洒键盘上了". The dialog uses it to treat powering such a device on as a hazard.
func Wet(text string) bool { return wetRe.MatchString(text) }

// Touches reports whether text holds any of the Chinese characters the cues of family
// are written with: a message without one cannot speak of that family in any words the
// cues know ("您好，打扰了" cannot be about carbon monoxide).
func Touches(family, text string) bool {
	for _, r := range familyRunes[family] {
		if r >= 0x80 && strings.ContainsRune(text, r) {
			return true
		}
	}
	return false
}

// Explained reports whether the cues found a hazard word in text denied or explained
// away: "没闻到煤气味", "冒白烟 是蒸汽吧", "气得我冒烟".
func Explained(text string) bool {
	_, denials := scanHazards(text)
	return denials
}

// familyWords are the plainest words of each family: a message that holds some and denies
// every one ("不麻不电 就是门把手松了", "没冒烟 也没火") has answered the family's question itself.
var familyWords = map[string]*regexp.Regexp{
	HazardFire:          regexp.MustCompile(`着火|起火|火苗|明火|火`),
	HazardSmoke:         regexp.MustCompile(`冒烟|烟`),
	HazardSparks:        regexp.MustCompile(`火花|火星|打火|闪`),
	HazardShock:         regexp.MustCompile(`漏电|触电|电人|电手|电到|带电|过电|发麻|麻`),
	HazardWaterElectric: regexp.MustCompile(`进水|漏水|湿|水`),
	HazardGas:           regexp.MustCompile(`煤气味|燃气味|煤气|燃气|漏气|味道|气味|味`),
	HazardCO:            regexp.MustCompile(`头晕|头疼|头痛|恶心|想吐|晕|吐`),
	HazardBattery:       regexp.MustCompile(`鼓包|鼓|胀|变形|发烫|烫|发热|热`),
	HazardBurning:       regexp.MustCompile(`焦味|糊味|烧焦|焦|糊|煳|味道|味`),
}

// powerFarRe says the power is far away from the water: "离电很远", "插座在很高的地方". ("没碰到插座"
// with the machine plugged in beside the water says less.)
var powerFarRe = regexp.MustCompile(`离(电|插座|插头|插排|电源|电器)[^,?]{0,3}(很远|挺远|老远|远着|远)|(插座|插头|插排|电源)[^,?]{0,6}(很高的地方|高处|很远|挺远|老远)`)

// DeniedOnly reports whether text names family only in denied words: "不麻不电" for a
// shock, "没冒烟" for smoke; water said to be far from the power counts as denied. A message with none of the family's words says nothing of it.
func DeniedOnly(family, text string) bool {
	re := familyWords[family]
	if re == nil {
		return false
	}
	t := hazardForm(text)
	if family == HazardWaterElectric && powerFarRe.MatchString(t) {
		return true // "水管接头漏水 离电很远"
	}
	locs := re.FindAllStringIndex(t, -1)
	for _, loc := range locs {
		if !negated(t, loc[0]) && !deniedAfter(t, loc[1]) {
			return false
		}
	}
	return len(locs) > 0
}

// HazardReading is what the hazard cues read in one message: the hazards it speaks of
// (see Hazards) and whether a hazard word in it was denied or explained away (see
// Explained). A turn reads it once and hands it to Matcher.SafetyRead.
type HazardReading struct {
	Hits     []HazardHit
	Explains bool
}

// ReadHazards returns the hazard reading of text, already in Canon form (Canon is not
// applied again).
func ReadHazards(canon string) HazardReading {
	hits, denials := scanHazardForm(hazardFormOf(canon))
	return HazardReading{Hits: hits, Explains: denials}
}

// Hazards finds every hazard family the message speaks of. A hazard that is denied
// ("没冒烟", "冒烟倒是没有") does not count, unless the message asks or fears it ("没冒烟吧？",
// "会不会漏电"): a suspected hazard counts as one. The result has one hit per family, in
// the order of HazardFamilies.
func Hazards(text string) []HazardHit {
	hits, _ := scanHazards(text)
	return hits
}

// scanHazards is Hazards that also reports whether a hazard was named and denied ("没冒烟"):
// such a message must not raise the alarm through an editor's looser trigger either.
func scanHazards(text string) (hits []HazardHit, denials bool) {
	return scanHazardForm(hazardForm(text))
}

// scanHazardForm is scanHazards of text already in hazard form.
func scanHazardForm(t string) (hits []HazardHit, denials bool) {
	seen := map[string]bool{}
	have := runesIn(t) // read once for every cue's gates
	may := hazardCueIndex().Candidates(t)
	for i, h := range hazardCues {
		if !may.Has(i) {
			continue // none of the runes the cue needs: most cues end here, by one lookup per rune of t
		}
		if seen[h.family] || !familyBits[h.family].meets(&have) || !strings.ContainsAny(t, familyRunes[h.family]) {
			continue
		}
		if !h.re.matchIn(t, &have) {
			continue // each alternative behind its own literals: most cues end here, cheaply
		}
		if h.needs != nil && !h.needs.MatchString(t) {
			continue
		}
		if h.away != nil && h.away.MatchString(t) {
			if h.family != HazardCO && h.re.MatchString(t) {
				// "插座在墙上高处 没碰到水", "臭鸡蛋味 鸡蛋放久了": an editor's looser trigger stays quiet
				// too; a headache put down to a cold may be one mistaken ("开始以为是感冒")
				denials = true
			}
			continue
		}
		for _, loc := range h.re.FindAllStringSubmatchIndex(t, -1) {
			if h.unless != nil {
				cs, ce := clauseAround(t, loc[0], loc[1])
				if c := t[cs:ce]; h.unless.MatchString(c) {
					if idiom.MatchString(c) || onScreen.MatchString(c) {
						denials = true // a figure of speech: "急得冒火", "气得我冒烟"
					}
					continue
				}
			}
			if h.family == HazardBurning && foodBurntSaid(t) && (!liveNear.MatchString(t) || liveFine.MatchString(t)) {
				denials = true // "煮糊了 锅底一层焦巴 有股糊味": the food burnt, not the machine
				continue
			}
			if h.family == HazardSmoke && steamNotSmoke(t, t[loc[0]:loc[1]]) {
				denials = true
				continue
			}
			denied := negated(t, loc[0]) || deniedAfter(t, loc[1])
			for _, g := range h.neg {
				if loc[2*g] >= 0 && negated(t, loc[2*g]) {
					denied = true
				}
			}
			question := asksAbout(t, loc[0], loc[1])
			if denied && !question {
				denials = true
				continue
			}
			seen[h.family] = true
			hits = append(hits, HazardHit{Family: h.family, Evidence: t[loc[0]:loc[1]], Suspected: denied || question})
			break
		}
	}
	if len(hits) > 1 {
		ordered := hits[:0:0]
		for _, f := range HazardFamilies {
			for _, h := range hits {
				if h.Family == f {
					ordered = append(ordered, h)
				}
			}
		}
		hits = ordered
	}
	return hits, denials
}

// unwell is how people tell the symptoms of carbon monoxide: headache, dizziness, nausea,
// drowsiness, fainting. Near anything that burns gas or charcoal they are a hazard.
const unwell = `(脑瓜子?|脑壳|脑袋|头)[^,]{0,3}(疼|痛|昏|晕)|(脑瓜子?|脑壳|脑袋|头)(有|一|点|丢|些|微|稍|也|还|都|就|开始|好|老|挺|发|是|感觉|觉得)*(疼|痛|昏|晕)|(脑瓜子?|脑壳|脑袋|头)(有点|有些|有一点|发|好|老|挺)?沉|头(还是|还|仍然|依然|一直|老是)(有点|有些|有一点)?(疼|痛|昏|晕)|晕(倒|到|了|过去|乎|沉|得)|昏(倒|迷|沉)|晕晕|昏昏|发晕|发昏|(就|都|有点|有些|老是|总是|直|会|开始)晕([^车船机针血]|$)|天旋地转|头晕目眩|眼冒金星|迷迷糊糊|迷糊|迷迷瞪瞪|迷瞪|(脑瓜子?|脑壳|脑袋|头)[^,]{0,3}嗡|想呕|作呕|头重|想睡觉|犯困|眼前发黑|腿软|站不稳|乏力|没力气|胸闷|喘不上|呼吸困难|恶心|想吐|dizzy|nausea|headache`

var unwellRe = MustFilter(unwell)

// Unwell reports symptoms of carbon monoxide in a message: the dialog treats them as a
// hazard when the case is about a gas appliance even if the message does not name it
// ("孩子说头疼想吐").
func Unwell(text string) bool {
	t := hazardForm(text)
	loc := unwellRe.FindStringIndex(t)
	return loc != nil && !negated(t, loc[0])
}

// idiom is anger, worry, thirst or spice said with fire and smoke words: "气得我冒烟",
// "嗓子都冒烟了", "辣得嘴都着火了".
var idiom = regexp.MustCompile(`(急|气|恼|烦|怒)[^,]{0,4}冒|(嗓子|喉咙|嘴|鼻子|七窍|脑袋)[^,]{0,3}冒[^,]{0,2}烟|(嘴|嗓子|喉咙|心|胃|舌头|脸)[^,]{0,3}着了?火|(心里|心头|肚子|眼睛|眼里)[^,]{0,2}冒火|冒火了我|(热|急|气|馋|渴)得[^,]{0,5}着火|像[^,]{0,4}着了?火(一样|似的)|跟着了?火(一样|似的)`)

// onScreen is a fire or smoke seen in a film, a show or the news: "看动画片里房子着火了".
var onScreen = regexp.MustCompile(`(电影|电视剧|剧里|戏里|节目|视频|游戏|动画|新闻)[^,]{0,8}(着火|起火|冒烟|火灾)`)

var (
	foodBurnt = regexp.MustCompile(`煮糊|烧糊了|焦巴|锅巴|糊锅|糊底|饭糊|粥糊|菜糊|烤糊|煎糊|炒糊|糊了一层|糊一层|底下(老是|总是|总|老)?糊|(饭|粥|菜|汤|米饭)(有点|有些|都|又|全)?糊了`)
	// liveFine says the live parts are fine: "锅子插头都好好的".
	liveFine = regexp.MustCompile(`(插头|插座|电线|电源线|线|底座)[^,?]{0,4}(都|也)?(好好的|没事|正常|没问题|完好|没坏|没烧)`)
	liveNear = regexp.MustCompile(`插头|插座|插排|电线|电源|线|外壳|底座|机器里|冒烟|火花|发烫|烫手`)
)

var (
	steamSaid = regexp.MustCompile(`水蒸气|蒸汽|蒸气|水汽|化霜|除霜|白汽|雾气|白雾|哈气|出汽|汽口|排汽|加湿器`)
	// steamGuessed hedges the steam reading: the customer cannot tell it from smoke
	steamGuessed = regexp.MustCompile(`不确定|不確定|说不准|说不好|不好说|不敢肯定|拿不准|吃不准|可能是|也许|或许|不知道是|分不清|看不清|不太清楚|应该是吧`)
	steamLike    = regexp.MustCompile(`(像|是|其实是|应该是)[^,?]{0,2}(水汽|水蒸气|蒸汽|雾)`)
	smokeSigns   = regexp.MustCompile(`焦|糊|呛|刺鼻|黑烟|青烟|火|烧|味道(大|重|很大|很重|冲)|有味|股味|怪味|异味|臭`)
)

// callsItSteam reports "看着像水汽", "其实是蒸汽", and not "不是水蒸气", "唔系水汽".
func callsItSteam(t string) bool {
	for _, loc := range steamLike.FindAllStringIndex(t, -1) {
		before := t[:loc[0]]
		if !strings.HasSuffix(before, "不") && !strings.HasSuffix(before, "唔") && !strings.HasSuffix(before, "并非") &&
			!strings.HasSuffix(before, "冇") && !strings.HasSuffix(before, "没") {
			return true
		}
	}
	return false
}

// steamNotSmoke reports white "smoke" the message itself calls steam, with nothing that
// smells or burns: "排气口冒白烟 跟水蒸气似的 没味道". Any sign of burning keeps it smoke.
func steamNotSmoke(t, evidence string) bool {
	if !strings.Contains(evidence, "白") && !strings.Contains(t, "白烟") && !strings.Contains(t, "白汽") &&
		!strings.Contains(t, "白雾") && !callsItSteam(t) {
		return false
	}
	said := false
	for _, loc := range steamSaid.FindAllStringIndex(t, -1) {
		if !negated(t, loc[0]) {
			said = true // "不是水汽": the customer says it is no steam
		}
	}
	if !said || steamGuessed.MatchString(t) {
		return false // "好像有点冒烟 不确定 可能是水蒸气": a guess at steam is no reason to stop worrying
	}
	for _, loc := range smokeSigns.FindAllStringIndex(t, -1) {
		if !negated(t, loc[0]) {
			return false // "白烟 还有股焦味"
		}
	}
	return true
}

// FoodBurntOnly reports food said to have burnt ("电饭煲的饭有点糊了") with nothing said of a
// plug, a cord or smoke, or those said to be fine: the burning is the food's. A smell only
// like burnt food ("闻起来像烧饭糊了") may be the machine's.
func FoodBurntOnly(text string) bool {
	t := hazardForm(text)
	return foodBurntSaid(t) && (!liveNear.MatchString(t) || liveFine.MatchString(t)) && !likeness.MatchString(t)
}

var likeness = regexp.MustCompile(`像|似的|一样|好比`)

// foodBurntSaid reports food said to have burnt, not denied ("不是饭糊的那种味").
func foodBurntSaid(t string) bool {
	for _, loc := range foodBurnt.FindAllStringIndex(t, -1) {
		if !negated(t, loc[0]) && !mistakenFor.MatchString(t[max(0, loc[0]-24):loc[0]]) {
			return true
		}
	}
	return false
}

// mistakenFor is what the customer first took a smell for: "我还以为是谁家饭烧糊了" says the
// smell is not the food's.
var mistakenFor = regexp.MustCompile(`(以为|还当|当成|当是)[^,?]{0,6}$`)

// hazardForm is the compact form hazards are searched in: Canon, lower-cased, without
// spaces, every clause mark one "," (see Normalize) except question marks, kept as "?".
func hazardForm(text string) string { return hazardFormOf(Canon(text)) }

// hazardFormOf is hazardForm of text already in Canon form.
func hazardFormOf(canon string) string {
	var b strings.Builder
	b.Grow(len(canon))
	last := ','
	space := false
	for _, r := range canon {
		r = fold(r)
		switch r {
		case '🔥':
			r = '火' // "插排那里冒🔥了"
		case '💥':
			r = '砰' // "插座💥一下 跳闸了": a bang
		}
		if unicode.IsSpace(r) {
			space = true
			continue
		}
		if space && last != ',' && last != '?' && (last >= 0x2E80 || r >= 0x2E80) && !isClausePunct(r) {
			b.WriteByte(',') // "不漏水 也不冒烟": a space between Chinese words ends a clause
			last = ','
		}
		space = false
		switch {
		case r == '?':
			if last == ',' {
				s := b.String()
				b.Reset()
				b.WriteString(strings.TrimSuffix(s, ","))
			}
			if last != '?' {
				b.WriteByte('?')
			}
			last = '?'
			continue
		case isClausePunct(r):
			if last != ',' && last != '?' {
				b.WriteByte(',')
			}
			last = ','
			continue
		}
		b.WriteRune(r)
		last = r
	}
	return notNumb.Replace(joinSplitWords(strings.TrimSuffix(b.String(), ",")))
}

// WithoutNumbLookAlikes rewrites the words with 麻 in them that say nothing of numbness
// ("麻烦", "芝麻", "麻辣"), for readers outside the cues (the hazard model's suspicion).
func WithoutNumbLookAlikes(text string) string { return notNumb.Replace(text) }

// notNumb rewrites words with 麻 in them that say nothing of numbness, so no shock cue reads
// them near a metal part: "热水器水龙头出水很小 麻烦看一下" asks politely, it tingles nowhere.
var notNumb = strings.NewReplacer("麻烦", "劳烦", "麻利", "利索", "芝麻", "芝子", "麻将", "牌将", "麻辣", "香辣",
	"麻婆", "婆婆", "麻雀", "雀子", "麻花", "油花", "麻绳", "粗绳", "麻袋", "布袋", "麻木不仁", "冷漠不仁")

// splitWords are hazard words a customer may type one character at a time, or cut with an
// emoji: "冒，烟，了", "着 火 了", "漏😱电了".
var splitWords = []string{"冒烟", "起烟", "着火", "起火", "失火", "冒火", "明火", "火花", "火苗", "火星", "漏电", "触电",
	"电人", "带电", "发麻", "鼓包", "膨胀", "焦味", "糊味", "烧焦", "煤气", "燃气", "漏气", "烟雾", "进水", "发烫", "烫手"}

// joinSplitWords drops a clause break inside a hazard word when one side of the break is a
// clause of one character: "冒,烟,了" is "冒烟,了"; "不漏,电视也好" keeps its break.
func joinSplitWords(t string) string {
	if strings.IndexByte(t, ',') < 0 {
		return t
	}
	for _, w := range splitWords {
		_, size := utf8.DecodeRuneInString(w)
		split := w[:size] + "," + w[size:]
		for from := 0; ; {
			i := strings.Index(t[from:], split)
			if i < 0 {
				break
			}
			i += from
			end := i + len(split)
			if i == 0 || t[i-1] == ',' || t[i-1] == '?' || end == len(t) || t[end] == ',' || t[end] == '?' {
				t = t[:i+size] + t[i+size+1:]
			}
			from = i + size
		}
	}
	return t
}

// asksAbout reports whether the clause holding t[start:end] asks or worries: "没冒烟吧",
// "会不会漏电", "是不是短路了？"; a question in another clause ("没冒烟，这正常吗") does not.
func asksAbout(t string, start, end int) bool {
	cs, ce := clauseAround(t, start, end)
	c := t[cs:ce]
	if ce < len(t) && t[ce] == '?' {
		return true
	}
	if strings.HasSuffix(c, "么") {
		return true
	}
	for _, w := range []string{"吗", "吧", "是不是", "系不是", "会不会", "有没有", "怕", "担心", "危险", "安全", "要紧", "会唔会", "有冇", "会伐", "伐"} {
		if strings.Contains(c, w) {
			return true
		}
	}
	// "不会着火吧" fears; "有火在烧 我一个老太婆不会弄" cannot cope: 不会 counts before the word only
	head := t[cs:start]
	return strings.Contains(head, "不会") || strings.Contains(head, "唔会")
}

// clauseAround returns the bounds of the clause holding t[start:end].
func clauseAround(t string, start, end int) (int, int) {
	cs := strings.LastIndexAny(t[:start], ",?") + 1
	ce := strings.IndexAny(t[end:], ",?")
	if ce < 0 {
		return cs, len(t)
	}
	return cs, end + ce
}

// deniedAfter reports a denial right after a hazard word: "冒烟倒是没有", "火花没有".
func deniedAfter(t string, end int) bool {
	rest := t[end:]
	if i := strings.IndexAny(rest, ",?"); i >= 0 {
		rest = rest[:i]
	}
	for _, p := range []string{"倒是没有", "倒没有", "倒是没", "是没有", "没有", "倒不会", "不会", "没", "倒是不"} {
		if strings.HasPrefix(rest, p) {
			return len(rest) <= len(p)+9 // the clause ends soon after: it was about the hazard
		}
	}
	// "漏电那个去掉", "那个冒火星子不对啊 是指示灯…", "工单上写电池鼓包是错的": the ticket's words
	// taken back
	for _, p := range []string{"那个去掉", "去掉", "删掉", "删了", "那个删", "不对", "是错的", "写错了", "搞错了", "弄错了", "那个不对"} {
		if strings.HasPrefix(strings.TrimLeft(rest, "的子了"), p) {
			return true
		}
	}
	return false
}

// FamilyRule is the safety rule for a family whose shipped rule an editor removed (or a
// knowledge base without it): the catalog's title and advice, escalated as urgent for an
// on-site electrical or gas check.
func FamilyRule(family string) *Rule {
	skill := "electrical"
	switch family {
	case HazardGas, HazardCO:
		skill = "gas"
	case HazardInjury, HazardMechanical:
		skill = "general"
	}
	return &Rule{
		ID: HazardRuleIDs[family], Title: catalog.T("knowledge.hazard." + family + ".title"), Safety: true,
		Advice:     catalog.T("knowledge.hazard." + family + ".advice"),
		Unresolved: Unresolved{FaultClass: FaultHardware, Priority: PriorityUrgent, OnSite: family != HazardBattery, Skill: skill},
	}
}

// isFamilyRule reports whether a rule is one of the shipped family rules.
func isFamilyRule(id string) bool {
	for _, r := range HazardRuleIDs {
		if r == id {
			return true
		}
	}
	return false
}
